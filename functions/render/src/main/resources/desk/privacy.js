// The privacy notice (issue 17, admins): the Markdown of the page /integritet/ that the comment form links to,
// with a plain preview, saved with If-Match so that two admins cannot overwrite each other unseen.
import {fieldMessage, request} from './api.js';
import {swedishDateTime} from './dates.js';
import {can, reason} from './roles.js';
import {announce, debounce, el, replace} from './ui.js';

export async function privacyView(main) {
    if (!can('admins')) {
        replace(main, el('h1', {}, 'Integritetstext'), el('p', {class: 'notice'},
            reason('admins', 'ändra integritetstexten'), ' ', el('a', {href: '/integritet/'}, 'Läs texten')));
        return {};
    }
    replace(main, el('h1', {}, 'Integritetstext'), el('p', {}, 'Hämtar …'));
    let notice;
    try {
        notice = await request('GET', '/api/privacy-notice');
    } catch (e) {
        replace(main, el('h1', {}, 'Integritetstexten kunde inte hämtas'), el('p', {role: 'alert'}, e.message));
        return {};
    }
    let etag = notice.etag ?? (notice.data.version !== undefined ? `"${notice.data.version}"` : null);
    let saved = notice.data.markdown ?? '';
    const text = el('textarea', {id: 'privacy-markdown', rows: 18, class: 'body-text',
        'aria-describedby': 'privacy-hint privacy-error'});
    text.value = saved;
    const error = el('p', {class: 'field-error', id: 'privacy-error', hidden: true});
    const outcome = el('p', {class: 'form-message', role: 'alert'});
    const state = el('p', {class: 'hint'});
    const preview = el('div', {class: 'privacy-preview'});
    const show = () => replace(preview, markdown(text.value));
    const later = debounce(show, 300);
    const stamp = () => replace(state, notice.data.updatedAt
        ? `Senast sparad ${swedishDateTime(notice.data.updatedAt)}.`
        : 'Texten är webbplatsens förval; den har inte ändrats här.');
    text.addEventListener('input', () => {
        later();
        replace(state, text.value === saved ? 'Allt är sparat.' : 'Osparade ändringar.');
    });

    async function save(event) {
        event.preventDefault();
        replace(outcome);
        error.hidden = true;
        text.removeAttribute('aria-invalid');
        if (!text.value.trim()) {
            fieldProblem('Texten får inte vara tom.');
            return;
        }
        try {
            const answer = await request('PUT', '/api/privacy-notice', {body: {markdown: text.value}, etag});
            notice = answer;
            etag = answer.etag ?? (answer.data?.version !== undefined ? `"${answer.data.version}"` : etag);
            saved = text.value;
            stamp();
            announce('Integritetstexten är sparad. Sidan /integritet/ visar den inom några sekunder.');
        } catch (e) {
            if (e.status === 422 && e.errors.length) {
                fieldProblem(e.errors.map(x => fieldMessage(x.message)).join(' '));
            } else {
                replace(outcome, e.status === 412 ? 'Någon annan har sparat integritetstexten medan du skrev. '
                    + 'Kopiera din text, ladda om sidan och för in dina ändringar igen.' : e.message);
            }
        }
    }

    function fieldProblem(message) {
        error.textContent = message;
        error.hidden = false;
        text.setAttribute('aria-invalid', 'true');
        text.focus();
    }

    replace(main,
        el('h1', {}, 'Integritetstext'),
        el('p', {}, 'Texten på sidan ', el('a', {href: '/integritet/', target: '_blank', rel: 'noopener'},
            '/integritet/', el('span', {class: 'vh'}, ' (öppnas i en ny flik)')),
        ', som kommentarsformuläret och sidfoten länkar till: vad som sparas, hur länge och hur man får det raderat.'),
        outcome,
        el('div', {class: 'editor-layout'},
            el('form', {class: 'pane', novalidate: true, onsubmit: save},
                el('div', {class: 'field'}, el('label', {for: 'privacy-markdown'}, 'Integritetstext (Markdown)'),
                    el('p', {class: 'hint', id: 'privacy-hint'}, 'Rubriker med #, listor med -, en tom rad mellan '
                        + 'stycken.'), text, error),
                el('div', {class: 'actions'}, el('button', {class: 'primary'}, 'Spara integritetstexten')), state),
            el('section', {class: 'pane', 'aria-labelledby': 'privacy-preview-heading'},
                el('h2', {id: 'privacy-preview-heading'}, 'Så ser texten ut'),
                el('p', {class: 'hint'}, 'En enkel förhandsvisning; sidan på webbplatsen har webbplatsens utseende.'),
                preview)));
    stamp();
    show();
    return {dirty: () => text.value !== saved};
}

/**
 * A plain reading of the Markdown for the preview, built as elements (never as HTML): headings, lists and
 * paragraphs; inline marks are shown as written.
 */
function markdown(source) {
    const blocks = [];
    let list = null;
    let paragraph = null;
    for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
        const heading = /^(#{1,3})\s+(.*)$/.exec(line);
        const item = /^\s*[-*]\s+(.*)$/.exec(line);
        if (!line.trim()) {
            list = null;
            paragraph = null;
        } else if (heading) {
            list = null;
            paragraph = null;
            blocks.push(el('h' + (heading[1].length + 2), {}, heading[2]));
        } else if (item) {
            paragraph = null;
            if (!list) {
                list = el('ul');
                blocks.push(list);
            }
            list.append(el('li', {}, item[1]));
        } else if (paragraph) {
            paragraph.append(' ' + line.trim());
        } else {
            list = null;
            paragraph = el('p', {}, line.trim());
            blocks.push(paragraph);
        }
    }
    return blocks;
}
