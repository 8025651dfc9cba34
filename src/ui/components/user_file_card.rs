use super::mapping_step::MappingStep;
use crate::i18n::{Lang, Text};
use crate::ui::user_files::{FileStatus, Keeping, MappingAnswer, UserFile};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UserFileCardProps {
    pub lang: Lang,
    pub file: UserFile,
    pub on_remove: Callback<UserFile>,
    pub on_mapping: Callback<(u32, MappingAnswer)>,
}

/// Errors listed one by one at most; the count says how many more.
const LISTED_ERRORS: usize = 100;

/// One of the user's files: how far it was read, what was kept and what was wrong (each bad
/// row with the line a spreadsheet shows) or its mapping step, whether the browser keeps it, and its removal.
#[component]
pub fn UserFileCard(props: &UserFileCardProps) -> Html {
    let lang = props.lang;
    let file = &props.file;
    let status = match &file.status {
        FileStatus::Reading { progress, rows } => html! {
            <p class="import-status" role="status">{format!("{} {}: {rows} {}", lang.t(Text::Reading), file.name, lang.t(Text::Rows))}
                <progress class="import-progress" max="1" value={progress.to_string()}></progress></p>
        },
        FileStatus::Mapping(proposal) => {
            let id = file.id;
            let on_answer = props.on_mapping.reform(move |answer| (id, answer));
            html! { <MappingStep {lang} file={id} proposal={proposal.clone()} {on_answer} /> }
        }
        FileStatus::Refused(why) => html! {
            <p class="import-refused" role="alert">{format!("{}: {}", file.name, why.get(lang))}</p>
        },
        FileStatus::Read {
            content,
            errors,
            note,
        } => html! {
            <>
                <p class="import-summary" role="status">{format!("{}: {} {} · {} {}", file.name, content.rows(), lang.t(Text::RowsKept), errors.len(), lang.t(Text::RowsWithErrors))}</p>
                if let Some(note) = note {
                    <p class="import-note">{note.get(lang)}</p>
                }
                if !errors.is_empty() {
                    <details open=true class="import-errors">
                        <summary>{format!("{} ({})", lang.t(Text::RowErrors), errors.len())}</summary>
                        <ul class="import-error-list">
                            { for errors.iter().take(LISTED_ERRORS).map(|e| html! { <li>{format!("{} {}: {}", lang.t(Text::Line), e.line, e.why.get(lang))}</li> }) }
                        </ul>
                        if errors.len() > LISTED_ERRORS {
                            <p>{format!("… +{}", errors.len() - LISTED_ERRORS)}</p>
                        }
                    </details>
                }
            </>
        },
    };
    let keeping = match &file.keeping {
        Keeping::Pending => lang.t(Text::KeptPending).to_string(),
        Keeping::Kept(_) => lang.t(Text::KeptInBrowser).to_string(),
        Keeping::NotKept(why) => why.get(lang).to_string(),
    };
    let on_remove = {
        let file = file.clone();
        props.on_remove.reform(move |_: MouseEvent| file.clone())
    };
    html! {
        <li class="user-file" data-name={file.name.clone()}>
            <h3 translate="no">{file.name.clone()}</h3>
            {status}
            if !matches!(file.status, FileStatus::Mapping(_)) {
                <p class="hint keeping">{keeping}</p>
            }
            <button type="button" class="chip remove-file" onclick={on_remove}
                aria-label={format!("{} {}", lang.t(Text::RemoveData), file.name)}>{lang.t(Text::RemoveData)}</button>
        </li>
    }
}
