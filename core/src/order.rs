//! One small stable sort for the whole crate.
//!
//! Every `sort`, `BTreeMap` or `HashMap` over another element type is another copy of the
//! standard library's generic code in the WebAssembly (a stable sort alone is about 3 KB a
//! type), so the core sorts positions instead, with this one merge sort.

/// The positions `0..len` in the order `less` puts them, equal ones kept in their order
/// (a stable bottom-up merge sort, O(n log n)). `less(a, b)`: position `a` sorts before `b`.
pub(crate) fn stable_order(len: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = Vec::with_capacity(len);
    let mut width = 1;
    while width < len {
        merged.clear();
        for run in order.chunks(width.saturating_mul(2)) {
            let (left, right) = run.split_at(width.min(run.len()));
            let (mut left, mut right) = (left.iter().peekable(), right.iter().peekable());
            // Ties take the left run's position: that keeps equal ones in order.
            while let Some(&next) = match (left.peek(), right.peek()) {
                (Some(&&a), Some(&&b)) if less(b, a) => right.next(),
                (Some(_), _) => left.next(),
                (None, _) => right.next(),
            } {
                merged.push(next);
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width = width.saturating_mul(2);
    }
    order
}

/// `items` reordered as [`stable_order`] says.
pub(crate) fn sort_by<T>(mut items: Vec<T>, less: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let order = stable_order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(a), Some(b)) => less(a, b),
        _ => false,
    });
    for (a, b) in swaps(order) {
        items.swap(a, b);
    }
    items
}

/// The swaps that put each position `k` of a list the item at `order[k]`, cycle by cycle
/// (worked out apart from the items, so this code is not repeated for each item type).
fn swaps(mut order: Vec<usize>) -> Vec<(usize, usize)> {
    let mut swaps = Vec::new();
    for start in 0..order.len() {
        let mut at = start;
        // Along a cycle, the item that was at `start` travels with each swap; a position
        // set to itself is done.
        while let Some(from) = order.get_mut(at).map(|slot| std::mem::replace(slot, at)) {
            if from == start || from == at {
                break;
            }
            swaps.push((at, from));
            at = from;
        }
    }
    swaps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        for len in 0..40_usize {
            let items: Vec<(usize, usize)> = (0..len).map(|i| ((i * 7919) % 5, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|(key, _)| *key);
            assert_eq!(sort_by(items, |a, b| a.0 < b.0), expected, "{len}");
            let reversed: Vec<usize> = (0..len).rev().collect();
            assert_eq!(
                sort_by(reversed, |a, b| a < b),
                (0..len).collect::<Vec<_>>()
            );
        }
    }
}
