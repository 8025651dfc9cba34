use crate::render::chart::{hex, SeriesStyle};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SeriesKeyProps {
    pub style: SeriesStyle,
}

/// A series' colour and shape as its chart draws them, for a legend or a chip.
pub fn series_key(props: &SeriesKeyProps) -> Html {
    let points: Vec<String> = props
        .style
        .marker
        .corners(4.4)
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    html! {
        <svg class="series-key" width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true" focusable="false">
            <polygon points={points.join(" ")} fill={hex(props.style.colour)} />
        </svg>
    }
}
