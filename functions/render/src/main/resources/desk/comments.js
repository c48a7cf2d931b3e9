// The moderation queue, oldest first: one at a time or several at once; a reply as the newsroom ("Redaktionen",
// posted by the signed-in editor, which a reader's form cannot do); and erasing everything an address wrote.
import {fieldMessage, request} from './api.js';
import {swedishDateTime} from './dates.js';
import {announce, confirmDialog, el, replace} from './ui.js';

const ACTIONS = [['approved', 'Godkänn', 'godkändes'], ['rejected', 'Avvisa', 'avvisades'],
    ['spam', 'Skräppost', 'markerades som skräppost']];
const BULK = {approved: 'Godkänn markerade', rejected: 'Avvisa markerade', spam: 'Markera som skräppost'};

export function commentsView(main) {
    let cursors = [];
    let cursor = null;
    let shown = [];
    const queue = el('div', {class: 'results', 'aria-busy': 'true'});
    const outcome = el('p', {class: 'form-message', role: 'alert'});

    async function load() {
        queue.setAttribute('aria-busy', 'true');
        const params = new URLSearchParams({status: 'pending', limit: '20'});
        if (cursor) {
            params.set('cursor', cursor);
        }
        try {
            const answer = await request('GET', '/api/comments?' + params);
            shown = answer.data.items;
            show(answer.data.nextCursor);
        } catch (e) {
            replace(queue, el('p', {class: 'form-message', role: 'alert'}, 'Kommentarerna kunde inte hämtas. ',
                e.message));
        } finally {
            queue.setAttribute('aria-busy', 'false');
        }
    }

    function show(nextCursor) {
        const paging = !cursors.length && !nextCursor ? null : el('div', {class: 'paging'},
            el('button', {type: 'button', class: 'secondary', disabled: !cursors.length, onclick: () => {
                cursor = cursors.pop();
                load();
            }}, 'Föregående'),
            el('button', {type: 'button', class: 'secondary', disabled: !nextCursor, onclick: () => {
                cursors.push(cursor);
                cursor = nextCursor;
                load();
            }}, 'Nästa'));
        if (!shown.length) {
            replace(queue, el('p', {class: 'empty'}, 'Inga kommentarer väntar på granskning.'),
                paging);
            return;
        }
        replace(queue,
            el('div', {class: 'actions bulk', role: 'group', 'aria-label': 'Markerade kommentarer'},
                ACTIONS.map(([status]) => el('button', {type: 'button', class: 'secondary',
                    onclick: () => moderate(selected(), status)}, BULK[status]))),
            el('ul', {class: 'comments'}, shown.map(card)), paging);
    }

    function selected() {
        return shown.filter(c => queue.querySelector(`input[data-id="${CSS.escape(c.id)}"]`)?.checked);
    }

    function card(c) {
        const article = c.article ?? {title: 'Okänd artikel', url: null};
        const box = el('input', {type: 'checkbox', id: 'c-' + c.id, 'data-id': c.id});
        return el('li', {class: 'comment-card'},
            el('div', {class: 'comment-select'}, box,
                el('label', {for: box.id}, `Markera kommentaren från ${c.author} till ”${article.title}”`)),
            el('p', {class: 'comment-meta'}, el('strong', {}, c.author), ' om ',
                article.url ? el('a', {href: article.url, target: '_blank', rel: 'noopener'}, article.title)
                    : el('span', {}, article.title, ' (inte publicerad)'),
                ', ', swedishDateTime(c.createdAt)),
            el('p', {class: 'comment-text'}, c.body),
            el('div', {class: 'actions'}, ACTIONS.map(([status, label]) => el('button', {type: 'button',
                class: status === 'approved' ? 'primary' : 'secondary', onclick: () => moderate([c], status)},
            label)), el('button', {type: 'button', class: 'secondary', 'aria-expanded': 'false',
                'aria-controls': 'reply-' + c.id, onclick: event => toggleReply(event.currentTarget, c)},
            'Svara som redaktionen')),
            el('div', {id: 'reply-' + c.id}));
    }

    /** Opens (or closes) the reply form under a comment. */
    function toggleReply(button, c) {
        const box = document.getElementById('reply-' + c.id);
        if (box.childElementCount) {
            replace(box);
            button.setAttribute('aria-expanded', 'false');
            button.focus();
            return;
        }
        button.setAttribute('aria-expanded', 'true');
        const id = 'reply-text-' + c.id;
        const text = el('textarea', {id, rows: 4, maxlength: 5000, 'aria-describedby': id + '-hint ' + id + '-error'});
        const error = el('p', {class: 'field-error', id: id + '-error', hidden: true});
        replace(box, el('form', {class: 'reply', novalidate: true, onsubmit: event => {
            event.preventDefault();
            reply(c, text, error, button);
        }},
        el('div', {class: 'field'}, el('label', {for: id}, `Redaktionens svar till ${c.author}`),
            el('p', {class: 'hint', id: id + '-hint'}, 'Visas direkt under kommentaren, märkt ”Redaktionen”. '
                + 'Kommentaren godkänns samtidigt.'), text, error),
        el('div', {class: 'actions'}, el('button', {class: 'primary'}, 'Godkänn och publicera svaret'),
            el('button', {type: 'button', class: 'secondary', onclick: () => toggleReply(button, c)}, 'Avbryt'))));
        text.focus();
    }

    /**
     * A reply to a waiting comment approves it first (a reply under a comment readers cannot see would answer
     * nothing), then posts the reply through the API as the signed-in editor.
     */
    async function reply(c, text, error, button) {
        const body = text.value.trim();
        error.hidden = true;
        text.removeAttribute('aria-invalid');
        if (!body) {
            error.textContent = 'Skriv ett svar.';
            error.hidden = false;
            text.setAttribute('aria-invalid', 'true');
            text.focus();
            return;
        }
        const article = `/api/articles/${encodeURIComponent(c.articleId)}`;
        try {
            if (c.status !== 'approved') {
                await request('PATCH', `${article}/comments/${encodeURIComponent(c.id)}`, {body: {status: 'approved'}});
            }
            await request('POST', `${article}/replies`, {body: {parentId: c.id, body}});
        } catch (e) {
            error.textContent = e.status === 422 && e.errors.length
                ? e.errors.map(x => fieldMessage(x.message)).join(' ') : e.message;
            error.hidden = false;
            text.setAttribute('aria-invalid', 'true');
            button.setAttribute('aria-expanded', 'true');
            text.focus();
            return;
        }
        announce(`Svaret till ${c.author} är publicerat som Redaktionen.`);
        replace(outcome);
        await load();
        // The form and its comment are gone from the queue: the keyboard starts again from the heading.
        main.querySelector('h1')?.focus();
    }

    /** One PATCH per comment; says what succeeded and what did not, and shows the queue again. */
    async function moderate(comments, status) {
        if (!comments.length) {
            replace(outcome, 'Markera minst en kommentar först.');
            return;
        }
        replace(outcome);
        const results = await Promise.allSettled(comments.map(c => request('PATCH',
            `/api/articles/${encodeURIComponent(c.articleId)}/comments/${encodeURIComponent(c.id)}`,
            {body: {status}})));
        const failed = results.map((r, i) => [r, comments[i]]).filter(([r]) => r.status === 'rejected');
        const done = comments.length - failed.length;
        const verb = ACTIONS.find(([s]) => s === status)[2];
        if (done) {
            announce(done === 1 ? `1 kommentar ${verb}.` : `${done} kommentarer ${verb}.`);
        }
        if (failed.length) {
            replace(outcome, `${failed.length} kunde inte ändras: `, failed.map(([r, c]) => `${c.author}: `
                + r.reason.message).join(' '));
        }
        await load();
    }

    const email = el('input', {type: 'email', id: 'erase-email', autocomplete: 'off', required: true});
    const eraseForm = el('form', {class: 'erase', novalidate: true, onsubmit: async event => {
        event.preventDefault();
        const address = email.value.trim();
        if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
            replace(outcome, 'Skriv en e-postadress.');
            email.focus();
            return;
        }
        const sure = await confirmDialog({title: 'Radera alla kommentarer från adressen?', danger: true,
            text: [`Alla kommentarer som skrivits med ${address} raderas, på alla artiklar och i alla lägen.`,
                'De försvinner från webbplatsen. Det går inte att ångra.'],
            confirm: 'Radera kommentarerna'});
        if (!sure) {
            return;
        }
        try {
            const answer = await request('POST', '/api/comments/erasures', {body: {email: address}});
            const n = answer.data.erased;
            announce(n === 1 ? '1 kommentar raderades.' : `${n} kommentarer raderades.`);
            replace(outcome);
            email.value = '';
            load();
        } catch (e) {
            replace(outcome, e.message);
        }
    }},
    el('h2', {}, 'Radera allt från en e-postadress'),
    el('p', {class: 'hint', id: 'erase-hint'}, 'När någon ber att få sina kommentarer borttagna. Adressen sparas inte.'),
    el('div', {class: 'field'}, el('label', {for: 'erase-email'}, 'E-postadress'), email),
    el('button', {class: 'danger'}, 'Radera alla kommentarer från adressen'));
    email.setAttribute('aria-describedby', 'erase-hint');

    replace(main, el('h1', {}, 'Kommentarer att granska'),
        el('p', {class: 'hint'}, 'Äldst först. Godkända kommentarer visas på artikelns sida inom några sekunder.'),
        outcome, queue, eraseForm);
    load();
    return {};
}
