// The one loop of the DOM layer that runs in JavaScript: building the StaticRanges of a
// rendering. Rust computes where each range starts and ends and passes them all at
// once; constructing the ranges here avoids a crossing of the wasm boundary per range.

// offsets: [startNode, startOffset, endNode, endOffset, highlight] per range, indexes
// into `nodes` and `highlights`.
export function make_ranges(nodes, offsets, highlights) {
  const ranges = new Array(offsets.length / 5);
  for (let k = 0, r = 0; k < offsets.length; k += 5, r++) {
    const range = new StaticRange({
      startContainer: nodes[offsets[k]],
      startOffset: offsets[k + 1],
      endContainer: nodes[offsets[k + 2]],
      endOffset: offsets[k + 3],
    });
    highlights[offsets[k + 4]].add(range);
    ranges[r] = range;
  }
  return ranges;
}

// Removes ranges made by make_ranges: `which[r]` is the highlight of `ranges[r]`.
export function remove_ranges(ranges, which, highlights) {
  for (let r = 0; r < ranges.length; r++) highlights[which[r]].delete(ranges[r]);
}
