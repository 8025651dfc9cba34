use crate::data::model::Meeting;
use crate::data::units::{figure_text, metric_name, UnitScore, UnitType};
use crate::i18n::{Lang, Text};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct MeetingsTimelineProps {
    pub lang: Lang,
    pub meetings: Vec<Meeting>,
    pub scores: Rc<Vec<UnitScore>>,
}

impl PartialEq for MeetingsTimelineProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.meetings == other.meetings
            && Rc::ptr_eq(&self.scores, &other.scores)
    }
}

fn kind_name(lang: Lang, kind: &str) -> String {
    let (vi, en) = match kind {
        "quarterly_review" => ("Sơ kết quý", "Quarterly review"),
        "semiannual_review" => ("Sơ kết 6 tháng", "Half-year review"),
        "index_announcement" => ("Công bố chỉ số", "Index announcement"),
        "conclusion_followup" => ("Kiểm tra thực hiện kết luận", "Follow-up of conclusions"),
        other => (other, other),
    };
    lang.pick(vi, en).to_string()
}

/// What the report says about a figure, in Vietnamese where translated (English otherwise).
fn note_cell(f: &UnitScore, lang: Lang) -> Html {
    let (note, note_lang) = lang.prefer(
        f.note.as_deref().unwrap_or_default(),
        f.note_vi.as_deref().unwrap_or_default(),
    );
    html! { <td class="note" lang={note_lang.code()}>{note}</td> }
}

/// The steering committee's meetings in date order, with the figures each one reported.
pub fn meetings_timeline(props: &MeetingsTimelineProps) -> Html {
    let lang = props.lang;
    let mut meetings = props.meetings.clone();
    crate::order::sort_by(&mut meetings, |a, b| a.date.cmp(&b.date));
    html! {
        <section class="meetings">
            <h2>{lang.t(Text::Meetings)}</h2>
            <ol class="timeline" id="meetings">
                { for meetings.iter().map(|m| {
                    let figures: Vec<&UnitScore> = props.scores.iter().filter(|s| s.source == m.id).collect();
                    html! {
                        <li data-meeting={m.id.clone()}>
                            <p class="meeting-head"><time datetime={m.date.clone()}>{lang.date(&m.date)}</time>{" · "}<strong>{kind_name(lang, &m.kind)}</strong></p>
                            <p>{lang.t(Text::Chair)}{": "}<span lang="vi">{m.chair.clone()}{" ("}{m.chair_role.clone()}{")"}</span></p>
                            // The report's own headline in Vietnamese; the English summary otherwise.
                            { match (&m.topic_vi, lang) {
                                (Some(headline), Lang::Vi) => html! { <p class="topic" lang="vi">{headline.clone()}</p> },
                                _ => html! { <p class="topic" lang="en">{m.topic.clone()}</p> },
                            } }
                            if !figures.is_empty() {
                                <div class="table-wrap" tabindex="0">
                                <table class="data-table">
                                    <thead><tr><th scope="col">{lang.t(Text::Unit)}</th><th scope="col">{lang.t(Text::Metric)}</th><th scope="col">{lang.t(Text::Year)}</th><th scope="col" class="num">{lang.t(Text::Value)}</th><th scope="col">{lang.t(Text::Note)}</th></tr></thead>
                                    <tbody>
                                        { for figures.iter().map(|f| html! {
                                            <tr class={classes!(f.derived.then_some("derived-row"))}>
                                                if f.unit_type == UnitType::Province { <td>{lang.t(Text::WholeProvince)}</td> } else { <td lang="vi">{f.unit.clone()}</td> }
                                                <td>{metric_name(&f.metric, lang)}</td>
                                                <td>{f.year}</td>
                                                <td class="num">{figure_text(f, lang)}
                                                    {f.derived.then(|| html! { <sup class="derived" title={lang.t(Text::DerivedHelp)}>{lang.t(Text::Derived)}</sup> })}</td>
                                                {note_cell(f, lang)}
                                            </tr>
                                        }) }
                                    </tbody>
                                </table>
                                </div>
                            }
                            <p class="meeting-source">{lang.t(Text::SourceLabel)}{": "}<code translate="no">{m.source.clone()}</code>{" · "}<span lang="vi">{m.author.clone()}</span></p>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
