use super::units_report::block_name;
use crate::data::units::{metric_name, UnitType};
use crate::data::user_files::mapping_step::{
    Choice, NamedComponent, PreviewRow, Proposal, ProposedColumn,
};
use crate::i18n::{Lang, Text};
use crate::ui::user_files::MappingAnswer;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MappingStepProps {
    pub lang: Lang,
    /// The file's number in this session (the step's element ids).
    pub file: u32,
    /// The JSON of the import worker's `Proposal` for the file.
    pub proposal: Rc<String>,
    pub on_answer: Callback<MappingAnswer>,
}

/// A change of the choice, given the value selected.
type Update = Rc<dyn Fn(&mut Choice, String)>;

/// What a column can be taken for, with the index's components by name: each role's key and
/// its words. A role the proposal gave that is not among them (another index's component) is
/// listed too, so that the select shows it.
fn role_options(
    lang: Lang,
    components: &[NamedComponent],
    index: Option<&str>,
    current: &str,
) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = [
        (Text::RoleIgnored, "ignored"),
        (Text::RoleProvince, "province"),
        (Text::RoleYear, "year"),
        (Text::RoleTotal, "value:total"),
        (Text::RoleRankTotal, "rank:total"),
        (Text::RoleSource, "source"),
    ]
    .into_iter()
    .map(|(text, key)| (key.to_string(), lang.t(text).to_string()))
    .collect();
    for c in components
        .iter()
        .filter(|c| Some(c.index.as_str()) == index && c.key != "total")
    {
        let name = c.name.get(lang);
        options.push((format!("value:{}", c.key), name.to_string()));
        options.push((
            format!("rank:{}", c.key),
            format!("{}: {name}", lang.t(Text::RoleRank)),
        ));
    }
    if !options.iter().any(|(key, _)| key == current) {
        options.push((current.to_string(), current.to_string()));
    }
    options
}

/// What a column of a table of units can be taken for: ignored, the units' names, the PAR
/// INDEX or SIPAS, or the criterion its header names; a role the choice gave that is not among
/// them (another column's criterion) is listed too.
fn unit_role_options(lang: Lang, column: &ProposedColumn, current: &str) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = vec![
        ("ignored".into(), lang.t(Text::RoleIgnored).into()),
        ("unit".into(), lang.t(Text::RoleUnit).into()),
    ];
    for metric in ["par_index", "sipas"] {
        options.push((format!("metric:{metric}"), metric_name(metric, lang)));
    }
    if let Some(criterion) = column.criterion.as_ref() {
        let key = format!("metric:{criterion}");
        if !options.iter().any(|(k, _)| *k == key) {
            let words = format!("{}: {}", lang.t(Text::RoleCriterion), column.header);
            options.push((key, words));
        }
    }
    if !options.iter().any(|(key, _)| key == current) {
        let words = current.strip_prefix("metric:").unwrap_or(current);
        options.push((current.to_string(), words.to_string()));
    }
    options
}

/// A unit type's words, from its key.
fn block_words(lang: Lang, key: &str) -> &'static str {
    UnitType::from_key(key).map_or("", |t| block_name(lang, t))
}

/// A sentence's first letter in capitals ("dấu thập phân: …" said on its own).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A select's value, read from its change event.
fn selected(event: &Event) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

/// One row of the preview: its line, its cells as chiso will read them, and its problem said
/// in the row's last cell (in words, not by colour alone).
/// In a table of units, the unit's block is shown (from its name, else the block chosen).
fn preview_row(lang: Lang, units: Option<Option<&str>>, row: &PreviewRow) -> Html {
    html! {
        <tr class={classes!(row.problem.is_some().then_some("has-problem"))}>
            <th scope="row">{row.line}</th>
            if let Some(chosen) = units {
                <td class="preview-block">{row.block.as_deref().or(chosen).map(|b| block_words(lang, b)).unwrap_or_default()}</td>
            }
            { for row.cells.iter().map(|c| html! { <td>{c.clone()}</td> }) }
            <td class="preview-problem">{ row.problem.as_ref().map(|p| format!("⚠ {}: {}", lang.t(Text::MappingProblem), p.get(lang))).unwrap_or_default() }</td>
        </tr>
    }
}

/// The mapping step of a file in a publisher's layout: its sheet (every one listed with its
/// size; another one is proposed afresh), the index and year guessed, the decimal mark found,
/// what each column is taken for, the first rows as they will be read with their problems, the
/// rows set aside, and Confirm / Cancel. Nothing is kept before Confirm.
#[component]
pub fn MappingStep(props: &MappingStepProps) -> Html {
    let lang = props.lang;
    let parsed = use_memo(props.proposal.clone(), |json| {
        miniserde::json::from_str::<Proposal>(json).ok()
    });
    // The user's changes, for the proposal they were made on (a new proposal starts afresh).
    let edited = use_state(|| None::<(Rc<String>, Choice)>);
    let Some(p) = parsed.as_ref() else {
        return html! { <p class="import-refused" role="alert">{lang.t(Text::FileUnreadable)}</p> };
    };
    let choice = match &*edited {
        Some((of, c)) if Rc::ptr_eq(of, &props.proposal) => c.clone(),
        _ => p.choice(),
    };
    let change = {
        let (edited, of, choice) = (edited.clone(), props.proposal.clone(), choice.clone());
        move |update: Update| {
            let (edited, of, choice) = (edited.clone(), of.clone(), choice.clone());
            Callback::from(move |event: Event| {
                let mut next = choice.clone();
                update(&mut next, selected(&event));
                edited.set(Some((of.clone(), next)));
            })
        }
    };
    let on_sheet = props
        .on_answer
        .reform(|event: Event| MappingAnswer::Sheet(selected(&event).parse().unwrap_or_default()));
    // Another index: the columns are proposed afresh for it (by the import worker).
    let on_index = {
        let choice = choice.clone();
        props.on_answer.reform(move |event: Event| {
            let mut draft = choice.clone();
            draft.index = Some(selected(&event)).filter(|v| !v.is_empty());
            MappingAnswer::Index(miniserde::json::to_string(&draft))
        })
    };
    let on_year = change(Rc::new(|c, v| c.year = v.parse().ok()));
    let on_province = change(Rc::new(|c, v| {
        c.province = Some(v).filter(|v| !v.is_empty())
    }));
    let on_block = change(Rc::new(|c, v| c.block = Some(v).filter(|v| !v.is_empty())));
    let units = p.kind == "units";
    let on_confirm = {
        let choice = choice.clone();
        props.on_answer.reform(move |_: MouseEvent| {
            MappingAnswer::Confirm(miniserde::json::to_string(&choice))
        })
    };
    let on_cancel = props
        .on_answer
        .reform(|_: MouseEvent| MappingAnswer::Cancel);
    let step = format!("mapping-{}", props.file);
    let title = format!("{step}-title");
    let years = (2005..=2030u16).rev();
    html! {
        <section class="mapping-step" aria-labelledby={title.clone()}>
            <h4 id={title}>{lang.t(Text::MappingTitle)}</h4>
            <p class="hint">{lang.t(Text::MappingIntro)}</p>
            if p.remembered {
                <p class="mapping-remembered" role="status">{lang.t(Text::MappingRemembered)}</p>
            }
            if let Some(note) = &p.note {
                <p class="import-note">{note.get(lang)}</p>
            }
            if units {
                <p class="mapping-kind">{lang.t(Text::MappingKindUnits)}</p>
            }
            <div class="mapping-fields">
                <label>{lang.t(Text::MappingSheet)}
                    <select class="mapping-sheet" onchange={on_sheet}>
                        { for p.sheets.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i as u64 == p.sheet}>{format!("{} ({} × {})", s.name, s.rows, s.columns)}</option>
                        }) }
                    </select>
                </label>
                if units {
                    <label>{lang.t(Text::RoleProvince)}
                        <select class="mapping-province" onchange={on_province}>
                            <option value="" selected={choice.province.is_none()}>{lang.t(Text::MappingNone)}</option>
                            { for p.provinces.iter().map(|name| html! {
                                <option value={name.clone()} selected={choice.province.as_ref() == Some(name)}>{name.clone()}</option>
                            }) }
                        </select>
                    </label>
                } else {
                    <label>{lang.t(Text::MappingIndex)}
                        <select class="mapping-index" onchange={on_index}>
                            <option value="" selected={choice.index.is_none()}>{lang.t(Text::MappingNone)}</option>
                            { for p.indices.iter().map(|i| html! {
                                <option value={i.key.clone()} selected={choice.index.as_ref() == Some(&i.key)}>{i.name.get(lang).to_string()}</option>
                            }) }
                        </select>
                    </label>
                }
                <label>{lang.t(Text::MappingYear)}
                    <select class="mapping-year" onchange={on_year}>
                        <option value="" selected={choice.year.is_none()}>{lang.t(Text::MappingNone)}</option>
                        { for years.map(|y| html! {
                            <option value={y.to_string()} selected={choice.year == Some(y)}>{y}</option>
                        }) }
                    </select>
                </label>
                if units {
                    <label>{lang.t(Text::MappingBlock)}
                        <select class="mapping-block" onchange={on_block}>
                            <option value="" selected={choice.block.is_none()}>{lang.t(Text::MappingNone)}</option>
                            { for [UnitType::Department, UnitType::District, UnitType::Commune].into_iter().map(|t| html! {
                                <option value={t.key()} selected={choice.block.as_deref() == Some(t.key())}>{block_name(lang, t)}</option>
                            }) }
                        </select>
                    </label>
                }
                <p class="mapping-decimal">{capitalised(p.decimal_words.get(lang))}</p>
            </div>
            <fieldset class="mapping-columns">
                <legend>{lang.t(Text::MappingColumns)}</legend>
                <ol>
                    { for p.columns.iter().enumerate().map(|(i, column)| {
                        let role = choice.roles.get(i).cloned().unwrap_or_default();
                        let id = format!("{step}-col-{i}");
                        let on_role = change(Rc::new(move |c: &mut Choice, v| {
                            if let Some(r) = c.roles.get_mut(i) { *r = v; }
                        }));
                        let unit = column.unit.as_ref().map(|u| format!(" ({u})")).unwrap_or_default();
                        let options = |role: &str| if units {
                            unit_role_options(lang, column, role)
                        } else {
                            role_options(lang, &p.components, choice.index.as_deref(), role)
                        };
                        html! {
                            <li>
                                <label for={id.clone()}><span class="column-letter">{column.letter.clone()}</span>{format!(" {}{unit}", column.header)}</label>
                                <select id={id} class="mapping-role" data-letter={column.letter.clone()} onchange={on_role}>
                                    { for options(&role).into_iter().map(|(key, words)| html! {
                                        <option value={key.clone()} selected={key == role}>{words}</option>
                                    }) }
                                </select>
                            </li>
                        }
                    }) }
                </ol>
            </fieldset>
            <h5>{format!("{} ({} / {} {})", lang.t(Text::MappingPreview), p.preview.len(), p.rows, lang.t(Text::Rows))}</h5>
            <div class="table-wrap mapping-preview" tabindex="0" role="region" aria-label={lang.t(Text::MappingPreview)}>
                <table>
                    <thead><tr>
                        <th scope="col">{lang.t(Text::Line)}</th>
                        if units {
                            <th scope="col">{lang.t(Text::MappingBlockColumn)}</th>
                        }
                        { for p.columns.iter().map(|c| html! { <th scope="col">{format!("{} {}", c.letter, c.header)}</th> }) }
                        <th scope="col">{lang.t(Text::MappingProblem)}</th>
                    </tr></thead>
                    <tbody>{ for p.preview.iter().map(|r| preview_row(lang, units.then_some(choice.block.as_deref()), r)) }</tbody>
                </table>
            </div>
            if !p.set_aside.is_empty() {
                <details open=true class="mapping-aside">
                    <summary>{format!("{} ({})", lang.t(Text::MappingAside), p.set_aside.len())}</summary>
                    <ul>
                        { for p.set_aside.iter().map(|a| html! {
                            <li>{format!("{} {}: «{}» — {}", lang.t(Text::Line), a.line, a.text, a.why.get(lang))}</li>
                        }) }
                    </ul>
                </details>
            }
            <div class="mapping-buttons">
                <button type="button" class="mapping-confirm" onclick={on_confirm}>{lang.t(Text::MappingConfirm)}</button>
                <button type="button" class="chip mapping-cancel" onclick={on_cancel}>{lang.t(Text::MappingCancel)}</button>
            </div>
        </section>
    }
}
