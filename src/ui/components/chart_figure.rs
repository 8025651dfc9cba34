use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    pub id: AttrValue,
    pub title: AttrValue,
    /// A short line under the title (e.g. where the axis starts).
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// The chart in words (`crate::render::describe`); also the drawing's accessible description.
    pub description: AttrValue,
    /// SVG from `crate::render::chart`, every data string in it escaped.
    pub svg: AttrValue,
}

/// A plotters chart with its title and its text description.
pub fn chart_figure(props: &ChartFigureProps) -> Html {
    let description_id = format!("{}-desc", props.id);
    html! {
        <figure class="chart" id={props.id.clone()}>
            <figcaption><strong>{props.title.clone()}</strong>
                {props.note.clone().map(|note| html! { <><br/><small>{note}</small></> })}</figcaption>
            <div class="chart-svg" tabindex="0" role="img" aria-label={props.title.clone()} aria-describedby={description_id.clone()}>
                {Html::from_html_unchecked(props.svg.clone())}</div>
            <p class="chart-description" id={description_id}>{props.description.clone()}</p>
        </figure>
    }
}
