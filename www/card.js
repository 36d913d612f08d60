// The hover card: pointing at a highlight shows what it is, its value as a reader
// reads it, and for an initiative or document how often the article names it.
//
// Highlights drawn with the Custom Highlight API have no events, so the pointer is
// mapped to a text position (caretPositionFromPoint, or caretRangeFromPoint) and the
// module looks the entity up by offset (`entityAt`); that works for marks too. The card
// lives in a shadow root, so page CSS cannot restyle it, and it is placed below or
// above the text, never over it, inside the viewport.

const STYLE = `
:host { all: initial; }
.card {
  position: fixed; max-width: 320px; box-sizing: border-box; padding: 8px 12px;
  font: 14px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; color: #1f1f1f;
  background: #fffdf8; border: 1px solid #d8d2c4; border-left: 4px solid #c41e14;
  border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18); pointer-events: none;
}
.card[hidden] { display: none; }
.card.initiative { border-left-color: #1d4ed8; }
.card.document { border-left-color: #047857; }
.label { font-size: 12px; color: #5c5646; }
.text { font-weight: 600; }
.value { font-size: 16px; }
.mentions { font-size: 12px; color: #5c5646; }
@media (prefers-color-scheme: dark) {
  .card { color: #ece8df; background: #26241f; border-color: #4a463c; }
  .label, .mentions { color: #bdb6a6; }
}
`;

const WORDS = {
  en: { mentions: (n) => (n === 1 ? 'mentioned once in this article' : `mentioned ${n} times in this article`) },
  zh: { mentions: (n) => `本文提及 ${n} 次` },
};

function caretAt(x, y) {
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    return p ? [p.offsetNode, p.offset] : null;
  }
  const r = document.caretRangeFromPoint && document.caretRangeFromPoint(x, y);
  return r ? [r.startContainer, r.startOffset] : null;
}

function inside(rects, x, y) {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

/** Shows cards for `handle`'s entities; returns { hide, detach, current }. */
export function attachCards(handle, lang) {
  const words = lang === 'zh' ? WORDS.zh : WORDS.en;
  let host = null;
  let card = null;
  let current = -1;
  let pending = null;

  const rangeOf = (i) => entityRange(handle, i);

  const hit = (x, y) => {
    const caret = caretAt(x, y);
    if (!caret || caret[0].nodeType !== 3) return -1;
    const under = document.elementFromPoint(x, y);
    if (!under || !under.contains(caret[0])) return -1;
    const i = handle.entityAt(caret[0], caret[1]);
    // The caret is the nearest text position; the pointer must be on the entity.
    return i >= 0 && inside(rangeOf(i).getClientRects(), x, y) ? i : -1;
  };

  const ensure = () => {
    if (host) return;
    host = document.createElement('div');
    host.setAttribute('data-zhupi-ui', 'card');
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    card = document.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    root.append(style, card);
    document.body.append(host);
  };

  const place = (range) => {
    const at = range.getBoundingClientRect();
    const { width, height } = card.getBoundingClientRect();
    const room = 8;
    const below = at.bottom + room;
    const above = at.top - room - height;
    const top = below + height <= innerHeight || above < 0 ? below : above;
    const left = Math.min(Math.max(room, at.left), Math.max(room, innerWidth - width - room));
    card.style.top = `${Math.max(room, Math.min(top, innerHeight - height - room))}px`;
    card.style.left = `${left}px`;
    return at.bottom > 0 && at.top < innerHeight;
  };

  const show = (i) => {
    ensure();
    const info = JSON.parse(handle.card(i, lang));
    if (!info) return hide();
    const line = (cls, text) => {
      const el = document.createElement('div');
      el.className = cls;
      el.textContent = text;
      return el;
    };
    const parts = [line('label', info.label), line('text', info.text)];
    if (info.value) parts.push(line('value', info.value));
    if (info.kind !== 'figure') parts.push(line('mentions', words.mentions(info.mentions)));
    card.replaceChildren(...parts);
    card.className = `card ${info.kind}`;
    card.hidden = false;
    current = i;
    place(rangeOf(i));
  };

  const hide = () => {
    if (card) card.hidden = true;
    current = -1;
  };

  const onMove = (e) => {
    const first = pending === null;
    pending = [e.clientX, e.clientY];
    if (!first) return;
    requestAnimationFrame(() => {
      const [x, y] = pending;
      pending = null;
      const i = hit(x, y);
      if (i < 0) hide();
      else if (i !== current) show(i);
    });
  };
  const onKey = (e) => {
    if (e.key === 'Escape') hide();
  };
  const onScroll = () => {
    if (current >= 0 && !place(rangeOf(current))) hide(); // scrolled away
  };
  const onLeave = () => hide();

  document.addEventListener('pointermove', onMove, { passive: true });
  document.addEventListener('keydown', onKey);
  document.addEventListener('scroll', onScroll, { passive: true, capture: true });
  document.documentElement.addEventListener('pointerleave', onLeave);

  return {
    show,
    hide,
    get current() {
      return current;
    },
    detach() {
      document.removeEventListener('pointermove', onMove);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('scroll', onScroll, { capture: true });
      document.documentElement.removeEventListener('pointerleave', onLeave);
      host?.remove();
      host = null;
    },
  };
}

/** A live Range over entity `i` of the wasm handle (null if it is gone); the panel uses
 *  it too. */
export function entityRange(handle, i) {
  const b = handle.bounds(i);
  if (b.length !== 4) return null;
  const r = document.createRange();
  r.setStart(b[0], b[1]);
  r.setEnd(b[2], b[3]);
  return r;
}
