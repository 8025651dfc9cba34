//! The views each build of the page's app draws. The page starts the small one (bin `chiso`,
//! `first_views`): the rankings and a province's profile, the views pages are built ahead for,
//! so that a first visit downloads no more than they need (docs/performance.md). Any other view
//! loads the whole app (bin `all_views`, `all_views`), which then takes the page over; an
//! address that asks for one starts the whole app at once (the loader in Trunk.toml).

use super::all_views::AllViews;
use super::all_views_loading::AllViewsLoading;
use super::app::ViewProps;
use super::profile_view::{profile_view, ProfileViewProps};
use super::rankings_view::RankingsView;
use crate::ui::state::View;
use yew::prelude::*;

/// The small app's views; the others are loaded (`AllViewsLoading`).
pub fn first_views(props: ViewProps) -> Html {
    match props.selection.view {
        View::Rankings => rankings(props),
        View::Profile => profile(props),
        // Keyed by the view: opening another one after a failure tries again.
        view => html! { <AllViewsLoading key={view.key()} lang={props.selection.lang} /> },
    }
}

/// Every view.
pub fn all_views(props: ViewProps) -> Html {
    html! { <AllViews ..props /> }
}

pub(super) fn rankings(props: ViewProps) -> Html {
    let ViewProps {
        data,
        selection,
        on_action,
        view_key,
        ..
    } = props;
    html! { <RankingsView key={view_key} {data} {selection} {on_action} /> }
}

pub(super) fn profile(props: ViewProps) -> Html {
    let ViewProps {
        data,
        selection,
        on_action,
        view_key,
        ..
    } = props;
    html! { <Profile key={view_key} {data} {selection} {on_action} /> }
}

/// The profile as a component: drawn again only when its data or selection change, not each
/// time the app renders.
#[component]
fn Profile(props: &ProfileViewProps) -> Html {
    profile_view(props)
}

/// A view drawn by a plain function, keyed as a component would be: under a new key (after a
/// failed fetch) it is drawn afresh.
pub(super) fn keyed(mut view: Html, key: &str) -> Html {
    if let Html::VTag(tag) = &mut view {
        std::rc::Rc::make_mut(tag).key = Some(key.into());
    }
    view
}
