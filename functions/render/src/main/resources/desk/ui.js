// Small DOM helpers. Everything the desk shows is built with createElement and textContent: no HTML from data.

/** An element: el('p', {class: 'hint', id: 'x'}, 'text', child…). Attributes false/null are left out. */
export function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        if (name.startsWith('on')) {
            node.addEventListener(name.slice(2), value);
        } else if (name === 'class') {
            node.className = value;
        } else if (name in node && typeof value !== 'string') {
            node[name] = value;
        } else {
            node.setAttribute(name, value === true ? '' : value);
        }
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            node.append(child instanceof Node ? child : String(child));
        }
    }
}

/** A text only a screen reader reads (e.g. which category a "Ta bort" button removes). */
export function hidden(text) {
    return el('span', {class: 'vh'}, text);
}

/** Replaces an element's content. */
export function replace(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
}

let announceTimer;

/** Says something in the polite live region (and shows it): "Utkastet är sparat." */
export function announce(message, kind = 'ok') {
    const region = document.getElementById('status');
    clearTimeout(announceTimer);
    region.className = 'status status-' + kind;
    // Emptied first so the same message said twice is read twice.
    region.textContent = '';
    requestAnimationFrame(() => {
        region.textContent = message;
    });
    if (kind === 'ok') {
        announceTimer = setTimeout(() => {
            region.textContent = '';
        }, 8000);
    }
}

/**
 * A modal <dialog>: heading, text, a confirming and a cancelling button. Resolves true when confirmed. Esc and
 * "Avbryt" cancel; focus returns to where it was.
 */
export function confirmDialog({title, text = [], confirm, cancel = 'Avbryt', danger = false}) {
    const before = document.activeElement;
    return new Promise(resolve => {
        const headingId = 'dialog-' + Math.random().toString(36).slice(2);
        const dialog = el('dialog', {'aria-labelledby': headingId, class: 'dialog'},
            el('h2', {id: headingId}, title),
            [text].flat().map(t => el('p', {}, t)),
            el('form', {method: 'dialog', class: 'actions'},
                el('button', {value: 'yes', class: danger ? 'danger' : 'primary'}, confirm),
                el('button', {value: 'no', class: 'secondary', autofocus: true}, cancel)));
        dialog.addEventListener('close', () => {
            dialog.remove();
            before?.focus?.();
            resolve(dialog.returnValue === 'yes');
        });
        document.body.append(dialog);
        dialog.showModal();
    });
}

/** Moves focus to a view's heading, so a screen reader hears where it came. */
export function focusHeading(root) {
    const h1 = root.querySelector('h1');
    if (h1) {
        h1.tabIndex = -1;
        h1.focus();
    }
}

/** Waits `ms` after the last call before running `fn` (search fields, the preview). */
export function debounce(fn, ms) {
    let timer;
    const debounced = (...args) => {
        clearTimeout(timer);
        timer = setTimeout(() => fn(...args), ms);
    };
    debounced.cancel = () => clearTimeout(timer);
    return debounced;
}
