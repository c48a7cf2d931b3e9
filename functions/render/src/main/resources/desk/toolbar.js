// The Markdown toolbar: wraps the selection or prefixes its lines, keeps focus and selection in the text.
import {insertImage} from './media.js';
import {el} from './ui.js';

const ACTIONS = [
    {name: 'Rubrik', run: t => prefixLines(t, () => '## ')},
    {name: 'Fetstil', key: 'b', run: t => wrap(t, '**', '**', 'fet text')},
    {name: 'Kursiv', key: 'i', run: t => wrap(t, '_', '_', 'kursiv text')},
    {name: 'Länk', key: 'k', run: link},
    {name: 'Punktlista', run: t => prefixLines(t, () => '- ')},
    {name: 'Numrerad lista', run: t => prefixLines(t, i => `${i + 1}. `)},
    {name: 'Citat', run: t => prefixLines(t, () => '> ')},
    // Opens the library; inserts ![alt](media:<id>) (and says so to the editor) once a picture is chosen.
    {name: 'Bild', run: t => insertImage(t)},
];

/** The toolbar for `textarea`, with Ctrl/Cmd+B, +I and +K on the textarea. */
export function markdownToolbar(textarea) {
    textarea.addEventListener('keydown', event => {
        if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) {
            return;
        }
        const action = ACTIONS.find(a => a.key === event.key.toLowerCase());
        if (action) {
            event.preventDefault();
            apply(textarea, action);
        }
    });
    // One tab stop for the whole toolbar, the arrow keys moving within it (WAI-ARIA's toolbar pattern), so that
    // Tab goes from "Rubrik" to the body text past one button, not eight.
    const buttons = ACTIONS.map((action, i) => el('button', {
        type: 'button', class: 'tool', tabindex: i === 0 ? '0' : '-1', onclick: () => apply(textarea, action),
        title: action.key ? `${action.name} (Ctrl+${action.key.toUpperCase()})` : action.name,
        onfocus: event => rove(buttons, event.target),
    }, action.name));
    return el('div', {role: 'toolbar', 'aria-label': 'Formatering av brödtexten', class: 'toolbar',
        onkeydown: event => move(event, buttons)}, buttons);
}

/** Makes `current` the toolbar's one tab stop. */
function rove(buttons, current) {
    for (const b of buttons) {
        b.tabIndex = b === current ? 0 : -1;
    }
}

/** Left and right arrows (round the ends), Home and End move the focus within the toolbar. */
function move(event, buttons) {
    const at = buttons.indexOf(document.activeElement);
    const to = {ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1}[event.key];
    if (at < 0 || to === undefined) {
        return;
    }
    event.preventDefault();
    buttons[(to + buttons.length) % buttons.length].focus();
}

function apply(textarea, action) {
    action.run(textarea);
    textarea.focus();
    // Tells the editor the text changed (draft store, preview), as typing would.
    textarea.dispatchEvent(new Event('input', {bubbles: true}));
}

function wrap(t, before, after, placeholder) {
    const {selectionStart: start, selectionEnd: end} = t;
    const inner = t.value.slice(start, end) || placeholder;
    t.setRangeText(before + inner + after, start, end, 'end');
    t.setSelectionRange(start + before.length, start + before.length + inner.length);
}

function link(t) {
    const {selectionStart: start, selectionEnd: end} = t;
    const text = t.value.slice(start, end) || 'länktext';
    const url = 'https://';
    t.setRangeText(`[${text}](${url})`, start, end, 'end');
    // The address is what the editor types next.
    const at = start + text.length + 3;
    t.setSelectionRange(at, at + url.length);
}

function prefixLines(t, prefix) {
    const value = t.value;
    const from = value.lastIndexOf('\n', t.selectionStart - 1) + 1;
    let to = value.indexOf('\n', Math.max(t.selectionEnd - (t.selectionEnd > t.selectionStart ? 1 : 0), from));
    if (to < 0) {
        to = value.length;
    }
    const lines = value.slice(from, to).split('\n').map((line, i) => prefix(i) + line);
    const text = lines.join('\n');
    t.setRangeText(text, from, to, 'end');
    if (from === to) {
        // An empty line: the caret goes after the mark, ready for the words.
        t.setSelectionRange(from + text.length, from + text.length);
    } else {
        t.setSelectionRange(from, from + text.length);
    }
}
