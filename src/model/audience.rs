//! Edits to the audience tree, addressed by a path of child indices from the root.

use crate::model::Condition;

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

#[cfg(test)]
mod tests {
    use super::*;
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
