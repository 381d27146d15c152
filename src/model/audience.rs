//! Edits to the audience tree, addressed by a path of child indices from the root.

use crate::model::{Action, Booster, Campaign, Condition, Count, IntentCondition, Target};

pub fn node<'a>(root: &'a Condition, path: &[usize]) -> Option<&'a Condition> {
    let mut n = root;
    for &i in path {
        n = match n {
            Condition::All(items) | Condition::Any(items) => items.get(i)?,
            Condition::Not(inner) if i == 0 => inner,
            _ => return None,
        };
    }
    Some(n)
}

pub fn node_mut<'a>(root: &'a mut Condition, path: &[usize]) -> Option<&'a mut Condition> {
    let mut n = root;
    for &i in path {
        n = match n {
            Condition::All(items) | Condition::Any(items) => items.get_mut(i)?,
            Condition::Not(inner) if i == 0 => inner,
            _ => return None,
        };
    }
    Some(n)
}

/// Inserts a condition next to the selected node: into it when it is an All/Any group, after
/// it otherwise. Returns the new node's path.
pub fn insert(root: &mut Condition, selected: &[usize], new: Condition) -> Vec<usize> {
    if let Some(Condition::All(items) | Condition::Any(items)) = node_mut(root, selected) {
        items.push(new);
        let mut p = selected.to_vec();
        p.push(items.len() - 1);
        return p;
    }
    // Walk up to the nearest All/Any group and insert after the branch we came from.
    let mut path = selected.to_vec();
    while let Some(last) = path.pop() {
        if let Some(Condition::All(items) | Condition::Any(items)) = node_mut(root, &path) {
            items.insert(last + 1, new);
            path.push(last + 1);
            return path;
        }
    }
    // The root is a lone condition or a Not: make it a group holding both.
    let old = std::mem::take(root);
    *root = Condition::All(vec![old, new]);
    vec![1]
}

/// The index of a child of the group at `group` that equals `like`, leaving out the child at
/// `except`: so a condition is not added beside its own twin.
pub fn twin_in(
    root: &Condition,
    group: &[usize],
    like: &Condition,
    except: Option<usize>,
) -> Option<usize> {
    match node(root, group)? {
        Condition::All(items) | Condition::Any(items) => items
            .iter()
            .enumerate()
            .position(|(i, c)| Some(i) != except && c == like),
        _ => None,
    }
}

/// Removes the node at `path`. The root cannot be removed; removing it empties it instead.
pub fn remove(root: &mut Condition, path: &[usize]) -> Option<Condition> {
    let Some((&last, parent)) = path.split_last() else {
        let old = std::mem::take(root);
        return Some(old);
    };
    match node_mut(root, parent)? {
        Condition::All(items) | Condition::Any(items) if last < items.len() => {
            Some(items.remove(last))
        }
        n @ Condition::Not(_) => {
            // Removing the only child of a Not removes the Not too.
            let grand = parent.to_vec();
            let _ = n;
            remove(root, &grand)
        }
        _ => None,
    }
}

/// Moves a node up or down among its siblings. Returns its new path.
pub fn move_node(root: &mut Condition, path: &[usize], up: bool) -> Option<Vec<usize>> {
    let (&last, parent) = path.split_last()?;
    let (Condition::All(items) | Condition::Any(items)) = node_mut(root, parent)? else {
        return None;
    };
    let to = if up { last.checked_sub(1)? } else { last + 1 };
    if to >= items.len() {
        return None;
    }
    items.swap(last, to);
    let mut p = parent.to_vec();
    p.push(to);
    Some(p)
}

/// Wraps the node in a Not, or unwraps it if it is one.
pub fn toggle_not(root: &mut Condition, path: &[usize]) -> Option<()> {
    let n = node_mut(root, path)?;
    let old = std::mem::take(n);
    *n = match old {
        Condition::Not(inner) => *inner,
        other => Condition::Not(Box::new(other)),
    };
    Some(())
}

/// Switches a group between All and Any.
pub fn toggle_group(root: &mut Condition, path: &[usize]) -> Option<()> {
    let n = node_mut(root, path)?;
    let old = std::mem::take(n);
    *n = match old {
        Condition::All(items) => Condition::Any(items),
        Condition::Any(items) => Condition::All(items),
        other => {
            *n = other;
            return None;
        }
    };
    Some(())
}

/// The tree path of the node a location such as "audience.all[1].not.attribute" points into.
pub fn path_of(location: &str) -> Option<Vec<usize>> {
    let mut rest = location.strip_prefix("audience")?;
    let mut path = Vec::new();
    loop {
        if let Some(r) = rest.strip_prefix(".not") {
            path.push(0);
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix(".all[")
            .or_else(|| rest.strip_prefix(".any["))
        {
            let (n, r) = r.split_once(']')?;
            path.push(n.parse().ok()?);
            rest = r;
        } else {
            return Some(path);
        }
    }
}

/// The intent condition the advice suggests: people who viewed the catalogue category the
/// campaign is about (the first of `about`, else the first its conditions or recipes name),
/// twice in 30 days; or, when it names none, people who clicked a product twice in 30 days.
pub fn suggested_intent(c: &Campaign) -> IntentCondition {
    suggestion(c).0
}

/// The suggested intent condition with where its interest comes from, in a few words for a
/// label: the campaign's About, a category its audience or recipes name, or nothing (then any
/// product clicked).
pub fn suggestion(c: &Campaign) -> (IntentCondition, &'static str) {
    let from_about = c
        .about
        .iter()
        .find(|a| !a.trim().is_empty())
        .map(|a| a.trim().to_string());
    let from_conditions = c.conditions().into_iter().find_map(|r| match r.condition {
        Condition::Intent(IntentCondition {
            target: Target::Category(v),
            ..
        }) if !r.negated && !v.trim().is_empty() => Some(v.clone()),
        _ => None,
    });
    let from_recipes = || {
        c.zones
            .iter()
            .filter_map(|z| z.recipe.as_ref())
            .flat_map(|r| &r.boosters)
            .find_map(|b| match b {
                Booster::Category(v) if !v.trim().is_empty() => Some(v.clone()),
                _ => None,
            })
    };
    let (category, source) = match from_about {
        Some(a) => (Some(a), "from About"),
        None => match from_conditions.or_else(from_recipes) {
            Some(named) => (Some(named), "a category the campaign names; About is empty"),
            None => (None, "About is empty and no category is named"),
        },
    };
    let intent = match category {
        Some(category) => IntentCondition {
            action: Action::CategoryView,
            target: Target::Category(category),
            count: Count::AtLeast(2),
            within_days: 30,
        },
        None => IntentCondition {
            action: Action::ProductClick,
            target: Target::Anything,
            count: Count::AtLeast(2),
            within_days: 30,
        },
    };
    (intent, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_give_tree_paths() {
        assert_eq!(path_of("audience"), Some(vec![]));
        assert_eq!(path_of("audience.all[1].attribute"), Some(vec![1]));
        assert_eq!(
            path_of("audience.all[0].not.any[2].value"),
            Some(vec![0, 0, 2])
        );
        assert_eq!(path_of("zones[0]"), None);
    }

    #[test]
    fn the_suggested_intent_is_about_the_campaigns_category() {
        let mut c = Campaign::blank("t", "T");
        assert_eq!(suggested_intent(&c).target, Target::Anything);
        c.zones.push(crate::model::Zone {
            recipe: Some(crate::model::Recipe {
                ingredients: vec![],
                exclusions: vec![],
                boosters: vec![Booster::Category("skincare".into())],
            }),
            ..crate::model::Zone::new(
                "Z",
                crate::model::ZoneKind::Recommendations,
                crate::model::Visibility::Anyone,
                1,
            )
        });
        let i = suggested_intent(&c);
        assert_eq!(i.target, Target::Category("skincare".into()));
        assert_eq!((i.count, i.within_days), (Count::AtLeast(2), 30));
    }
    use crate::model::*;

    fn leaf(n: u32) -> Condition {
        Condition::Intent(IntentCondition {
            action: Action::PageView,
            target: Target::Anything,
            count: Count::AtLeast(n),
            within_days: 7,
        })
    }

    #[test]
    fn insert_remove_move_negate() {
        let mut root = Condition::All(vec![]);
        assert_eq!(insert(&mut root, &[], leaf(1)), vec![0]);
        assert_eq!(insert(&mut root, &[0], leaf(2)), vec![1]);
        assert_eq!(move_node(&mut root, &[1], true), Some(vec![0]));
        assert_eq!(node(&root, &[0]), Some(&leaf(2)));
        toggle_not(&mut root, &[0]).unwrap();
        assert!(matches!(node(&root, &[0]), Some(Condition::Not(_))));
        // Inserting next to the child of a Not lands after the Not, in the group.
        assert_eq!(insert(&mut root, &[0, 0], leaf(3)), vec![1]);
        // Removing the only child of a Not removes the Not.
        remove(&mut root, &[0, 0]).unwrap();
        assert_eq!(root, Condition::All(vec![leaf(3), leaf(1)]));
        toggle_group(&mut root, &[]).unwrap();
        assert!(matches!(root, Condition::Any(_)));
        assert!(move_node(&mut root, &[0], true).is_none());
        remove(&mut root, &[]).unwrap();
        assert_eq!(root, Condition::All(vec![]));
    }

    #[test]
    fn a_lone_root_condition_becomes_a_group() {
        let mut root = leaf(1);
        assert_eq!(insert(&mut root, &[], leaf(2)), vec![1]);
        assert_eq!(root, Condition::All(vec![leaf(1), leaf(2)]));
    }
}
