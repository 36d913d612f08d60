//! One sort for the crate: the indices `0..len` ordered by a comparator.
//!
//! std's `sort` is compiled anew for every element type it sorts, and each copy is a
//! few kilobytes of the WebAssembly module; the extractor and the DOM layer sort two
//! different kinds of things, rarely and never many. This merge sort is compiled once
//! (the comparator is a `&dyn Fn`), is stable, and runs in O(n log n).

use std::cmp::Ordering;

/// The indices `0..len`, sorted so that `compare(a, b)` holds for each neighbouring
/// pair; equal items keep their order.
pub fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut items: Vec<usize> = (0..len).collect();
    let mut scratch = vec![0; len];
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            merge(
                &items[start..middle],
                &items[middle..end],
                &mut scratch[start..end],
                compare,
            );
        }
        std::mem::swap(&mut items, &mut scratch);
        width *= 2;
    }
    items
}

/// Merges two sorted runs into `out`, the left run first among equals.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    compare: &dyn Fn(usize, usize) -> Ordering,
) {
    let (mut l, mut r) = (0, 0);
    for slot in out.iter_mut() {
        let take_left =
            r == right.len() || (l < left.len() && compare(left[l], right[r]) != Ordering::Greater);
        if take_left {
            *slot = left[l];
            l += 1;
        } else {
            *slot = right[r];
            r += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_std_and_keeps_equal_items_in_order() {
        for len in [0, 1, 2, 3, 5, 8, 13, 64, 100, 1000] {
            let keys: Vec<u32> = (0..len as u32).map(|i| (i * 7919 + 13) % 17).collect();
            let got = sorted_indices(len, &|a, b| keys[a].cmp(&keys[b]));
            let mut want: Vec<usize> = (0..len).collect();
            want.sort_by_key(|&i| keys[i]); // stable
            assert_eq!(got, want, "len {len}");
        }
    }
}
