// An article's versions (issue 17): every save kept, listed newest first (when, who, what kind of change), one
// version compared with the one before it (insertions and deletions marked with words, not colour alone), and a
// version restored as a new version after a confirmation.
import {request} from './api.js';
import {statusText, swedishDate, swedishDateTime} from './dates.js';
import {can, reason} from './roles.js';
import {announce, confirmDialog, el, replace} from './ui.js';

/** A field's name in Swedish. */
export const FIELD_NAMES = {
    title: 'Rubrik', summary: 'Sammanfattning', body: 'Brödtext', categories: 'Kategorier', slug: 'Adress (slug)',
    status: 'Status', related: 'Läs mer', image: 'Huvudbild', author: 'Författare', commentsOpen: 'Kommentarer',
    publishAt: 'Publiceringstid', publishedAt: 'Publiceringstid',
};

/** What kind of change a version was, in Swedish. */
const ACTIONS = {
    create: 'Skapad', edit: 'Ändrad', submit: 'Skickad för granskning', publish: 'Publicerad',
    schedule: 'Schemalagd', unpublish: 'Avpublicerad', restore: 'Återställd', correct: 'Rättelse',
};

const STATUSES = {draft: 'Utkast', review: 'Granskas', scheduled: 'Schemalagd', published: 'Publicerad'};

function articlePath(id) {
    return `/api/articles/${encodeURIComponent(id)}`;
}

/** "Ändrad", "Återställd från version 3", "Rättelse: Fel datum" for a revision. */
function kind(revision) {
    const name = ACTIONS[revision.action] ?? revision.action;
    if (revision.action === 'restore' && revision.restoredFrom) {
        return `${name} från version ${revision.restoredFrom}`;
    }
    const note = typeof revision.correction === 'string' ? revision.correction : revision.correction?.note;
    return note ? `${name}: ${note}` : name;
}

function savedBy(revision) {
    const by = revision.savedBy;
    return (typeof by === 'string' ? revision.savedByName : by?.name) || 'okänd redaktör';
}

/** The article, or null when it is gone (its versions stay after a delete). */
async function current(id) {
    try {
        return (await request('GET', articlePath(id))).data;
    } catch (e) {
        if (e.status === 404) {
            return null;
        }
        throw e;
    }
}

/** Whether the editor may restore onto the article as it is now, and if not, why. */
function restoreRefusal(article) {
    if (!article) {
        return 'Artikeln är raderad. Versionerna finns kvar att läsa men kan inte återställas.';
    }
    const publishing = ['scheduled', 'published'].includes(article.status);
    if (publishing ? !can('publishers') : !can('writers')) {
        return publishing ? reason('publishers', 'återställa en publicerad eller schemalagd artikel')
            : reason('writers', 'återställa en version');
    }
    return null;
}

/** The list of versions, newest first, with "Visa äldre" while there are more. */
export async function versionsView(main, id) {
    replace(main, el('h1', {}, 'Versioner'), el('p', {}, 'Hämtar …'));
    let article;
    try {
        article = await current(id);
    } catch (e) {
        replace(main, el('h1', {}, 'Versionerna kunde inte hämtas'), el('p', {role: 'alert'}, e.message));
        return {};
    }
    const rows = el('tbody');
    const more = el('div', {class: 'paging'});
    const results = el('div', {class: 'results', 'aria-busy': 'true'});

    async function load(cursor) {
        results.setAttribute('aria-busy', 'true');
        const params = new URLSearchParams({limit: '20'});
        if (cursor) {
            params.set('cursor', cursor);
        }
        try {
            const {data} = await request('GET', `${articlePath(id)}/revisions?${params}`);
            rows.append(...data.items.map(row));
            replace(more, data.nextCursor ? el('button', {type: 'button', class: 'secondary',
                onclick: () => load(data.nextCursor)}, 'Visa äldre versioner') : null);
            if (!rows.children.length) {
                replace(results, el('p', {class: 'empty'}, 'Inga versioner är sparade för artikeln.'));
            }
        } catch (e) {
            replace(more, el('p', {class: 'form-message', role: 'alert'}, 'Versionerna kunde inte hämtas. ',
                e.message));
        } finally {
            results.setAttribute('aria-busy', 'false');
        }
    }

    function row(r) {
        const changed = (r.changed ?? []).map(f => FIELD_NAMES[f] ?? f).join(', ');
        return el('tr', {},
            el('th', {scope: 'row', 'data-label': 'Version'},
                el('a', {href: `#/artiklar/${encodeURIComponent(id)}/versioner/${r.version}`},
                    `Version ${r.version}`, article?.version === r.version ? ' (nuvarande)' : '')),
            el('td', {'data-label': 'Sparad'}, swedishDateTime(r.savedAt)),
            el('td', {'data-label': 'Av'}, savedBy(r)),
            el('td', {'data-label': 'Ändring'}, kind(r)),
            el('td', {'data-label': 'Ändrade fält'}, changed || '–'));
    }

    replace(results, el('table', {class: 'list'},
        el('caption', {class: 'vh'}, 'Versioner, nyaste först'),
        el('thead', {}, el('tr', {}, ['Version', 'Sparad', 'Av', 'Ändring', 'Ändrade fält']
            .map(h => el('th', {scope: 'col'}, h)))),
        rows), more);
    replace(main,
        el('p', {class: 'crumbs'}, el('a', {href: article ? `#/artiklar/${encodeURIComponent(id)}` : '#/artiklar'},
            article ? `Tillbaka till ”${article.title}”` : 'Till artiklarna')),
        el('h1', {}, article ? `Versioner av ”${article.title}”` : 'Versioner av en raderad artikel'),
        el('p', {class: 'hint'}, 'Varje sparning blir en version (de 50 senaste sparas). Välj en version för att se '
            + 'vad som ändrades och för att återställa den.'),
        results);
    await load(null);
    return {};
}

/** One version against the one before it (or `against`): what changed, field by field, and its restore button. */
export async function versionView(main, id, version) {
    replace(main, el('h1', {}, `Version ${version}`), el('p', {}, 'Hämtar …'));
    let article;
    let revision;
    try {
        [article, revision] = await Promise.all([current(id),
            request('GET', `${articlePath(id)}/revisions/${encodeURIComponent(version)}`).then(a => a.data)]);
    } catch (e) {
        replace(main, el('h1', {}, 'Versionen kunde inte hämtas'), el('p', {role: 'alert'}, e.message),
            el('p', {}, el('a', {href: `#/artiklar/${encodeURIComponent(id)}/versioner`}, 'Till versionerna')));
        return {};
    }
    const outcome = el('p', {class: 'form-message', role: 'alert'});
    const refusal = restoreRefusal(article);
    const isCurrent = article?.version === revision.version;
    const restore = el('button', {type: 'button', class: 'primary', disabled: Boolean(refusal) || isCurrent,
        'aria-describedby': 'restore-why', onclick: () => restoreVersion(id, revision, outcome)},
    'Återställ den här versionen');
    const why = refusal ?? (isCurrent ? 'Det här är artikelns nuvarande version.'
        : 'Rubrik, sammanfattning, brödtext, kategorier, Läs mer, adress, bild, författare och kommentarer blir som '
        + 'i den här versionen, sparat som en ny version. Status och datum ändras inte.');
    const changes = revision.changes ?? [];
    replace(main,
        el('p', {class: 'crumbs'}, el('a', {href: `#/artiklar/${encodeURIComponent(id)}/versioner`},
            'Alla versioner'), article ? [' · ', el('a', {href: `#/artiklar/${encodeURIComponent(id)}`},
            `Artikeln ”${article.title}”`)] : null),
        el('h1', {}, `Version ${revision.version}`),
        el('p', {class: 'status-line'},
            `${kind(revision)} ${swedishDateTime(revision.savedAt)} av ${savedBy(revision)}`,
            revision.article?.status ? ` – ${statusText(revision.article)}` : ''),
        el('section', {class: 'restore', 'aria-labelledby': 'restore-heading'},
            el('h2', {id: 'restore-heading'}, 'Återställa'),
            el('p', {class: 'hint', id: 'restore-why'}, why), outcome, restore),
        el('section', {class: 'changes', 'aria-labelledby': 'changes-heading'},
            el('h2', {id: 'changes-heading'}, revision.against
                ? `Ändringar jämfört med version ${revision.against}` : 'Texten i den här versionen (ingen tidigare '
                + 'version finns kvar att jämföra med)'),
            changes.length ? el('p', {class: 'hint diff-legend'}, 'Tillagd text är ', el('ins', {}, 'understruken'),
                ' och borttagen text ', el('del', {}, 'genomstruken'), '; en skärmläsare säger ”tillagt” och '
                + '”borttaget”.') : null,
            revision.against && !changes.length ? el('p', {}, 'Inga ändringar i rubrik, sammanfattning, '
                + 'brödtext, kategorier, adress eller status.') : null,
            changes.map(change),
            !revision.against && !changes.length && revision.article ? firstVersion(revision.article) : null));
    return {};
}

/** One changed field: its words with insertions and deletions marked, or its value before and after. */
function change(c) {
    const label = FIELD_NAMES[c.field] ?? c.field;
    const body = c.diff?.length && c.field !== 'status' && c.field !== 'categories'
        ? el('p', {class: 'diff'}, c.diff.map(part))
        : el('dl', {class: 'before-after'},
            el('dt', {}, 'Före'), el('dd', {}, value(c.field, c.before)),
            el('dt', {}, 'Efter'), el('dd', {}, value(c.field, c.after)));
    return el('div', {class: 'change'}, el('h3', {}, label), body);
}

function part(p) {
    if (p.op === 'insert') {
        return el('ins', {}, el('span', {class: 'vh'}, '[tillagt: '), p.text, el('span', {class: 'vh'}, ']'));
    }
    if (p.op === 'delete') {
        return el('del', {}, el('span', {class: 'vh'}, '[borttaget: '), p.text, el('span', {class: 'vh'}, ']'));
    }
    return p.text;
}

function value(field, v) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) {
        return '(tomt)';
    }
    if (field === 'status') {
        return STATUSES[v] ?? v;
    }
    return Array.isArray(v) ? v.join(', ') : String(v);
}

/** The first version has nothing before it: its text as it was. */
function firstVersion(a) {
    return el('dl', {class: 'before-after'},
        ['title', 'summary', 'body', 'categories', 'slug', 'status'].map(f => [
            el('dt', {}, FIELD_NAMES[f]), el('dd', {class: f === 'body' ? 'diff' : null}, value(f, a[f]))]));
}

/** Asks, then restores `revision` onto the article's current version (If-Match) and opens the restored article. */
async function restoreVersion(id, revision, outcome) {
    const sure = await confirmDialog({title: `Återställa version ${revision.version}?`,
        confirm: 'Återställ versionen',
        text: [`Artikeln får texten från version ${revision.version} (${swedishDate(revision.savedAt)}) som en ny `
            + 'version. Status och datum ändras inte.',
        'Inget försvinner: versionen som gäller nu finns kvar i listan och kan återställas i sin tur.']});
    if (!sure) {
        return;
    }
    replace(outcome);
    try {
        const now = (await request('GET', articlePath(id))).data;
        const answer = await request('POST', `${articlePath(id)}/revisions/${revision.version}/restore`,
            {etag: `"${now.version}"`});
        announce(`Version ${revision.version} är återställd. Artikeln är nu version ${answer.data.version}.`);
        location.hash = `#/artiklar/${encodeURIComponent(id)}`;
    } catch (e) {
        replace(outcome, e.status === 412 ? 'Någon sparade artikeln just nu. Titta på den senaste versionen och '
            + 'försök igen.' : e.message);
    }
}
