// One article: create or edit, preview beside it, save by status. Every change is kept in the browser until a save
// succeeds; a concurrent edit (412) opens the conflict view; problems (422) are shown by their fields.
import {articlePage, fieldMessage, request} from './api.js';
import * as auth from './auth.js';
import {conflictView} from './conflict.js';
import {fromStockholmInput, statusText, swedishDate, swedishDateTime, toStockholmInput} from './dates.js';
import * as drafts from './drafts.js';
import {previewPane} from './preview.js';
import {featuredImageField} from './media.js';
import {auditLog} from './audit.js';
import {can, reason} from './roles.js';
import {markdownToolbar} from './toolbar.js';
import {announce, confirmDialog, debounce, el, hidden, replace} from './ui.js';

const LABELS = {
    title: 'Rubrik', summary: 'Sammanfattning', body: 'Brödtext', categories: 'Kategorier', related: 'Läs mer',
    slug: 'Adress (slug)', author: 'Författare', commentsOpen: 'Tillåt kommentarer', publishAt: 'Publiceringstid',
    publishedAt: 'Publiceringstid', status: 'Status', image: 'Huvudbild', correction: 'Vad rättades?',
};
const FIELDS = ['title', 'summary', 'body', 'image', 'categories', 'related', 'slug', 'author', 'commentsOpen',
    'publishAt'];

/** The form's values for an article from the API (or a new one). */
function valuesOf(article) {
    return {
        title: article?.title ?? '', summary: article?.summary ?? '', body: article?.body ?? '',
        categories: article?.categories ?? [], related: (article?.related ?? []).map(id => ({id, title: id})),
        slug: article?.slug ?? '', author: article?.author ?? auth.editorName(),
        commentsOpen: article?.commentsOpen ?? true, image: article?.image ?? null,
        publishAt: article?.status === 'scheduled' ? toStockholmInput(article.publishAt) : '',
    };
}

/** How a value reads in the conflict view. */
function readable(name, value) {
    if (name === 'categories') {
        return value.join(', ');
    }
    if (name === 'related') {
        return value.map(r => r.title).join(', ');
    }
    if (name === 'commentsOpen') {
        return value ? 'Ja' : 'Nej';
    }
    if (name === 'image') {
        return !value ? 'Ingen bild' : value.decorative ? 'Dekorativ bild' : value.alt || value.mediaId;
    }
    return value;
}

/** The form field a problem names: "image" for "image.alt", "related" for "related[0]". */
function problemField(problem) {
    return (problem.field ?? '').split(/[[.]/)[0];
}

/** The field an input or change event came from: its control's name, or the featured image's parts as "image". */
function edited(target) {
    return target.closest?.('#f-image') ? 'image' : target.name || null;
}

/** Who changed a field since the version both started from, in words for the conflict view. */
function changedBy(mineUnchanged, theirsUnchanged) {
    if (mineUnchanged) {
        return 'Ändrat av den andra, inte av dig.';
    }
    return theirsUnchanged ? 'Ändrat av dig, inte av den andra.' : 'Ändrat av er båda.';
}

/** Renders the editor into `main`; answers the view's {dirty(), leave()}. */
export async function editorView(main, id) {
    const view = new Editor(main, id);
    await view.open();
    return view;
}

class Editor {
    constructor(main, id) {
        this.main = main;
        this.id = id;
        this.article = null;
        this.version = null;
        this.idempotencyKey = null;
        this.keyBody = null;
        this.baseline = '';
        this.controls = {};
        this.values = valuesOf(null);
        // A save's 422 problems stay until their field is edited or the next save; the preview's are redrawn each
        // time it answers, beside them (a preview that succeeds must not take a save's problems away).
        this.saveProblems = [];
        this.previewProblems = [];
        this.unload = event => {
            if (this.dirty()) {
                event.preventDefault();
                event.returnValue = '';
            }
        };
    }

    get draftKey() {
        return this.id ?? 'ny';
    }

    async open() {
        replace(this.main, el('h1', {}, this.id ? 'Redigera artikel' : 'Ny artikel'), el('p', {}, 'Hämtar …'));
        if (this.id) {
            try {
                const answer = await request('GET', `/api/articles/${encodeURIComponent(this.id)}`);
                this.loaded(answer.data);
            } catch (e) {
                replace(this.main, el('h1', {}, 'Artikeln kunde inte öppnas'), el('p', {role: 'alert'}, e.message),
                    el('p', {}, el('a', {href: '#/artiklar'}, 'Till artiklarna')));
                return;
            }
        }
        this.build();
        this.fill(this.values);
        this.baseline = JSON.stringify(this.read());
        this.loadRelatedTitles();
        this.loadCategories();
        window.addEventListener('beforeunload', this.unload);
        this.offerStoredDraft();
        this.preview.refresh();
    }

    loaded(article) {
        this.article = article;
        this.id = article.id;
        this.version = article.version;
        this.values = valuesOf(article);
    }

    // ---- building the view

    build() {
        const c = this.controls;
        c.title = el('input', {type: 'text', autocomplete: 'off', required: true});
        c.summary = el('textarea', {rows: 3});
        c.body = el('textarea', {rows: 16, class: 'body-text'});
        c.categoryInput = el('input', {type: 'text', list: 'category-options', autocomplete: 'off',
            onkeydown: e => e.key === 'Enter' && (e.preventDefault(), this.addCategory())});
        c.categoryOptions = el('datalist', {id: 'category-options'});
        c.categoryList = el('ul', {class: 'chips', 'aria-label': 'Valda kategorier'});
        c.relatedSearch = el('input', {type: 'search', autocomplete: 'off',
            oninput: debounce(() => this.searchRelated(), 300)});
        c.relatedResults = el('ul', {class: 'picks', 'aria-label': 'Sökträffar'});
        c.relatedList = el('ul', {class: 'chips', 'aria-label': 'Valda artiklar under Läs mer'});
        c.slug = el('input', {type: 'text', autocomplete: 'off', spellcheck: 'false'});
        c.slugUrl = el('p', {class: 'hint', id: 'f-slug-url'});
        c.slugNotice = el('p', {class: 'notice', id: 'f-slug-notice', hidden: true});
        c.author = el('input', {type: 'text', autocomplete: 'name'});
        c.commentsOpen = el('input', {type: 'checkbox', id: 'f-commentsOpen'});
        c.publishAt = el('input', {type: 'datetime-local'});
        c.image = featuredImageField(() => this.changed('image'));

        this.noticeBox = el('div');
        this.conflictBox = el('div');
        this.summaryBox = el('div', {class: 'error-summary', tabindex: '-1', hidden: true});
        this.messageBox = el('p', {class: 'form-message', role: 'alert'});
        this.savedState = el('p', {class: 'hint'});
        this.actions = el('div', {class: 'actions'});
        this.actionsWhy = el('p', {class: 'hint', id: 'actions-why', hidden: true});
        this.correctionBox = el('div');
        this.statusLine = el('p', {class: 'status-line'});
        this.links = el('nav', {class: 'article-links', 'aria-label': 'Artikelns historik'});
        this.roleNotice = el('p', {class: 'notice', hidden: true});
        this.preview = previewPane(() => this.payload(this.article?.status ?? 'draft', true),
            errors => this.showPreviewProblems(errors));

        this.fieldset = el('fieldset', {class: 'plain'},
            el('legend', {class: 'vh'}, 'Artikelns innehåll'),
            this.field('title', c.title),
            this.field('summary', c.summary, 'Visas i listor och när artikeln delas.'),
            this.field('body', c.body, 'Markdown. Ctrl+B fetstil, Ctrl+I kursiv, Ctrl+K länk.', markdownToolbar(c.body)),
            c.image.element,
            this.field('categories', c.categoryInput, 'Välj en befintlig eller skriv en ny och tryck Enter.', null,
                [el('button', {type: 'button', class: 'secondary', onclick: () => this.addCategory()},
                    'Lägg till kategori'), c.categoryOptions, c.categoryList]),
            this.field('related', c.relatedSearch, 'Sök på rubrik och välj artiklar att visa under Läs mer.', null,
                [c.relatedResults, c.relatedList]),
            this.field('slug', c.slug, 'Lämna tomt så skapas adressen av rubriken.', null, [c.slugUrl, c.slugNotice]),
            this.field('author', c.author),
            el('div', {class: 'field checkbox'}, c.commentsOpen,
                el('label', {for: 'f-commentsOpen'}, LABELS.commentsOpen),
                el('p', {class: 'field-error', id: 'f-commentsOpen-error', hidden: true})),
            this.field('publishAt', c.publishAt, 'svensk tid'));
        const form = el('form', {novalidate: true, onsubmit: e => e.preventDefault(),
            oninput: e => this.changed(edited(e.target)), onchange: e => this.changed(edited(e.target))},
        this.fieldset, this.correctionBox, this.messageBox, this.actions, this.actionsWhy, this.savedState);

        const editTab = el('button', {type: 'button', role: 'tab', id: 'tab-edit', 'aria-controls': 'pane-edit',
            onclick: () => this.showTab('edit')}, 'Redigera');
        const previewTab = el('button', {type: 'button', role: 'tab', id: 'tab-preview',
            'aria-controls': 'pane-preview', onclick: () => this.showTab('preview')}, 'Förhandsvisning');
        this.tabs = {edit: editTab, preview: previewTab};
        this.panes = {
            edit: el('section', {id: 'pane-edit', role: 'tabpanel', 'aria-labelledby': 'tab-edit', class: 'pane'},
                form),
            preview: el('section', {id: 'pane-preview', role: 'tabpanel', 'aria-labelledby': 'tab-preview',
                class: 'pane preview-pane'}, el('h2', {}, 'Förhandsvisning'), this.preview.element),
        };
        replace(this.main,
            el('h1', {}, this.article ? 'Redigera artikel' : 'Ny artikel'),
            this.statusLine, this.links, this.roleNotice, this.noticeBox, this.conflictBox, this.summaryBox,
            el('div', {role: 'tablist', 'aria-label': 'Visa', class: 'tabs', onkeydown: e => this.tabKey(e)},
                editTab, previewTab),
            el('div', {class: 'editor-layout'}, this.panes.edit, this.panes.preview));
        this.showTab('edit');
        this.renderStatus();
    }

    /** A labelled field with its hint and its error line, tied to the control by aria-describedby. */
    field(name, control, hint, before = null, after = []) {
        const id = 'f-' + name;
        control.id = id;
        control.name = name;
        const described = [hint ? id + '-hint' : null, id + '-error'].filter(Boolean);
        if (name === 'slug') {
            described.push('f-slug-url', 'f-slug-notice');
        }
        control.setAttribute('aria-describedby', described.join(' '));
        return el('div', {class: 'field'},
            el('label', {for: id}, LABELS[name]),
            hint ? el('p', {class: 'hint', id: id + '-hint'}, hint) : null,
            before, control,
            el('p', {class: 'field-error', id: id + '-error', hidden: true}),
            after);
    }

    /**
     * The arrow keys, Home and End between the tabs (WAI-ARIA's tabs pattern): only the chosen tab is a tab stop,
     * so without them a keyboard could not reach the preview on a narrow screen.
     */
    tabKey(event) {
        const order = ['edit', 'preview'];
        const at = order.findIndex(name => this.tabs[name] === document.activeElement);
        const to = {ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: order.length - 1}[event.key];
        if (at < 0 || to === undefined) {
            return;
        }
        event.preventDefault();
        const name = order[(to + order.length) % order.length];
        this.showTab(name);
        this.tabs[name].focus();
    }

    showTab(which) {
        for (const name of ['edit', 'preview']) {
            const active = name === which;
            this.tabs[name].setAttribute('aria-selected', String(active));
            this.tabs[name].tabIndex = active ? 0 : -1;
            this.panes[name].classList.toggle('inactive', !active);
        }
        if (which === 'preview') {
            this.preview.refresh();
        }
    }

    renderStatus() {
        const a = this.article;
        replace(this.statusLine, 'Status: ', el('strong', {}, statusText(a)),
            a?.status === 'published' ? [' – ', el('a', {href: a.url, target: '_blank', rel: 'noopener'},
                'Visa artikeln på webbplatsen', hidden(' (öppnas i en ny flik)'))] : null,
            a?.status === 'review' ? el('span', {class: 'hint'}, can('publishers')
                ? ' – skickad för granskning: läs, och publicera eller skicka tillbaka som utkast.'
                : ' – väntar på att en publicerare granskar den.') : null);
        replace(this.links, a ? el('ul', {},
            el('li', {}, el('a', {href: `#/artiklar/${encodeURIComponent(a.id)}/versioner`}, 'Versioner'))) : null,
        a && can('admins') ? this.articleLog(a.id) : null);
        const publisher = can('publishers');
        const writer = can('writers');
        // A control the editor's roles do not allow is shown disabled, with the reason beside the buttons.
        const button = (label, run, kind = 'secondary', allowed = true) => el('button', {type: 'button', class: kind,
            disabled: !allowed, 'data-refused': allowed ? null : 'true',
            'aria-describedby': allowed ? null : 'actions-why', onclick: () => run()}, label);
        const status = a?.status ?? 'draft';
        const buttons = {
            draft: [button('Spara utkast', () => this.save('draft'), 'primary', writer),
                button('Skicka för granskning', () => this.save('review'), 'secondary', writer),
                button('Publicera nu', () => this.save('published'), 'secondary', publisher),
                button('Schemalägg', () => this.save('scheduled'), 'secondary', publisher)],
            review: [button('Spara ändringar', () => this.save('review'), 'primary', writer),
                button('Publicera nu', () => this.save('published'), publisher ? 'primary' : 'secondary', publisher),
                button('Schemalägg', () => this.save('scheduled'), 'secondary', publisher),
                button('Tillbaka till utkast', () => this.save('draft'), 'secondary', writer)],
            scheduled: [button('Spara ändringar', () => this.save('scheduled'), 'primary', publisher),
                button('Publicera nu', () => this.save('published'), 'secondary', publisher),
                button('Avpublicera', () => this.save('draft'), 'secondary', publisher)],
            published: [button('Spara ändringar', () => this.save('published'), 'primary', publisher),
                button('Avpublicera', () => this.save('draft'), 'secondary', publisher)],
        }[status];
        replace(this.actions, buttons, a ? button('Radera', () => this.remove(), 'danger', publisher) : null);
        const early = ['draft', 'review'].includes(status);
        const why = publisher ? '' : !writer ? 'Bara skribenter och publicerare kan spara artiklar.'
            : early ? reason('publishers', 'publicera, schemalägga och radera')
                : reason('publishers', 'ändra, avpublicera och radera en publicerad eller schemalagd artikel');
        replace(this.actionsWhy, why);
        this.actionsWhy.hidden = !why;
        // Said at the top as well when nothing here can be saved by this editor, before any typing.
        const locked = (!early && !publisher) || !writer;
        replace(this.roleNotice, locked ? why + ' Du kan läsa den och se dess versioner.' : '');
        this.roleNotice.hidden = !locked;
        this.renderCorrection();
    }

    /**
     * The article's log for admins, folded under "Logg" and read when opened (again after each save, when open).
     */
    articleLog(id) {
        const open = this.links.querySelector('details')?.open ?? false;
        const log = auditLog({articleId: id});
        const details = el('details', {class: 'article-log'}, el('summary', {}, 'Logg'),
            el('p', {class: 'hint'}, 'Vem som gjorde vad med artikeln, nyaste först. ',
                el('a', {href: `#/artiklar/${encodeURIComponent(id)}/logg`}, 'Loggen på en egen sida')),
            log.element);
        let loaded = false;
        details.addEventListener('toggle', () => {
            if (details.open && !loaded) {
                loaded = true;
                log.load();
            }
        });
        details.open = open;
        return details;
    }

    /**
     * On a published article a publisher may mark the save as a correction, with a note readers see under the title
     * ("Rättelse 4 december 2019: …"); the article's earlier corrections are listed. Only there, so only then sent.
     */
    renderCorrection() {
        const a = this.article;
        if (a?.status !== 'published' || !can('publishers')) {
            replace(this.correctionBox);
            this.controls.correctionCheck = null;
            this.controls.correction = null;
            return;
        }
        const check = el('input', {type: 'checkbox', id: 'f-correction-check',
            'aria-controls': 'f-correction-field'});
        const note = el('textarea', {rows: 2, maxlength: 500});
        const noteField = this.field('correction', note, 'Visas för läsarna under rubriken som ”Rättelse '
            + '<datum>: <det du skriver>”. Högst 500 tecken.');
        noteField.id = 'f-correction-field';
        noteField.hidden = true;
        check.addEventListener('change', () => {
            noteField.hidden = !check.checked;
            if (check.checked) {
                note.focus();
            }
        });
        this.controls.correctionCheck = check;
        this.controls.correction = note;
        const earlier = a.corrections ?? [];
        replace(this.correctionBox, el('div', {class: 'correction'},
            el('div', {class: 'field checkbox'}, check,
                el('label', {for: check.id}, 'Det här är en rättelse')),
            noteField,
            earlier.length ? el('div', {class: 'corrections'}, el('h2', {}, 'Tidigare rättelser'),
                el('ul', {}, earlier.map(c => el('li', {}, el('strong', {}, 'Rättelse ' + swedishDate(c.at)), ': ',
                    c.note)))) : null));
    }

    /** The correction to send with a save as `published` of a published article, or null; undefined when unwritten. */
    correction(status) {
        const check = this.controls.correctionCheck;
        if (!check?.checked || status !== 'published' || this.article?.status !== 'published') {
            return null;
        }
        const note = this.controls.correction.value.trim();
        return note ? {note} : undefined;
    }

    // ---- values in and out of the form

    read() {
        const c = this.controls;
        return {
            title: c.title.value, summary: c.summary.value, body: c.body.value,
            categories: [...this.values.categories], related: [...this.values.related],
            slug: c.slug.value, author: c.author.value, commentsOpen: c.commentsOpen.checked,
            publishAt: c.publishAt.value, image: c.image.read(),
        };
    }

    fill(values) {
        const c = this.controls;
        this.values = structuredClone(values);
        c.title.value = values.title;
        c.summary.value = values.summary;
        c.body.value = values.body;
        c.slug.value = values.slug;
        c.author.value = values.author;
        c.commentsOpen.checked = values.commentsOpen;
        c.publishAt.value = values.publishAt;
        c.image.fill(values.image ?? null);
        this.renderChips();
        this.renderSlug();
    }

    /** The article as the API takes it, with `status`. */
    payload(status, forPreview = false) {
        const v = this.read();
        const body = {
            title: v.title, summary: v.summary, body: v.body, categories: v.categories,
            related: v.related.map(r => r.id), commentsOpen: v.commentsOpen, status,
        };
        // Sent when there is one, or to take away the one the article had.
        if (v.image || this.article?.image) {
            body.image = v.image;
        }
        if (v.slug.trim()) {
            body.slug = v.slug.trim();
        }
        if (v.author.trim()) {
            body.author = v.author;
        }
        if (status === 'scheduled' && v.publishAt) {
            body.publishAt = fromStockholmInput(v.publishAt);
        }
        if (forPreview && this.id) {
            body.id = this.id;
        }
        return body;
    }

    dirty() {
        return Boolean(this.controls.title) && JSON.stringify(this.read()) !== this.baseline;
    }

    /** Every change (to the field `name`, when known): kept in the browser, the preview asked for again. */
    changed(name = null) {
        if (name) {
            this.settle(name);
        }
        if (this.dirty()) {
            const kept = this.keep();
            replace(this.savedState, kept ? 'Osparade ändringar – de finns kvar i den här webbläsaren tills du sparar.'
                : 'Osparade ändringar. Webbläsaren kunde inte spara en kopia – spara snart.');
        } else {
            drafts.discard(this.draftKey);
            replace(this.savedState, 'Allt är sparat.');
        }
        this.renderSlug();
        this.preview.later();
    }

    // ---- categories and "Läs mer"

    renderChips() {
        const remove = (list, index) => () => {
            this.values[list] = this.values[list].filter((_, i) => i !== index);
            this.renderChips();
            this.changed(list);
            this.controls[list === 'categories' ? 'categoryInput' : 'relatedSearch'].focus();
        };
        replace(this.controls.categoryList, this.values.categories.map((name, i) => el('li', {class: 'chip'}, name,
            el('button', {type: 'button', class: 'chip-remove', onclick: remove('categories', i)}, 'Ta bort',
                hidden(' kategorin ' + name)))));
        replace(this.controls.relatedList, this.values.related.map((r, i) => el('li', {class: 'chip'}, r.title,
            el('button', {type: 'button', class: 'chip-remove', onclick: remove('related', i)}, 'Ta bort',
                hidden(' ' + r.title + ' från Läs mer')))));
    }

    addCategory() {
        const name = this.controls.categoryInput.value.trim();
        if (!name) {
            return;
        }
        if (!this.values.categories.some(c => c.toLocaleLowerCase('sv') === name.toLocaleLowerCase('sv'))) {
            this.values.categories = [...this.values.categories, name];
        }
        this.controls.categoryInput.value = '';
        this.renderChips();
        this.changed('categories');
        announce(`Kategorin ${name} är tillagd.`);
    }

    async loadCategories() {
        try {
            const answer = await request('GET', '/api/categories');
            replace(this.controls.categoryOptions, answer.data.items.map(c => el('option', {value: c.name})));
        } catch {
            // Without the list an editor still types a category; nothing to tell.
        }
    }

    async searchRelated() {
        const q = this.controls.relatedSearch.value.trim();
        if (!q) {
            replace(this.controls.relatedResults);
            return;
        }
        try {
            const page = await articlePage(new URLSearchParams({limit: '8', q}));
            if (q !== this.controls.relatedSearch.value.trim()) {
                return; // typed over: the newer search shows its own hits
            }
            const chosen = new Set(this.values.related.map(r => r.id));
            const hits = page.items.filter(a => a.id !== this.id && !chosen.has(a.id));
            replace(this.controls.relatedResults, hits.length ? hits.map(a => el('li', {},
                el('button', {type: 'button', class: 'pick', onclick: () => this.pickRelated(a)},
                    hidden('Välj '), a.title, el('span', {class: 'hint'}, ' – ' + statusText(a)))))
                : el('li', {class: 'hint'}, `Ingen artikel med ”${q}” i rubriken.`));
        } catch (e) {
            replace(this.controls.relatedResults, el('li', {class: 'field-error'}, e.message));
        }
    }

    pickRelated(a) {
        this.values.related = [...this.values.related, {id: a.id, title: a.title}];
        this.controls.relatedSearch.value = '';
        replace(this.controls.relatedResults);
        this.renderChips();
        this.changed('related');
        this.controls.relatedSearch.focus();
        announce(`${a.title} visas under Läs mer.`);
    }

    async loadRelatedTitles() {
        const related = await Promise.all(this.values.related.map(async r => {
            try {
                return {id: r.id, title: (await request('GET', `/api/articles/${encodeURIComponent(r.id)}`)).data.title};
            } catch {
                return r;
            }
        }));
        const wasDirty = this.dirty();
        this.values.related = related;
        if (!wasDirty) {
            this.baseline = JSON.stringify(this.read());
        }
        this.renderChips();
    }

    renderSlug() {
        const slug = this.controls.slug.value.trim();
        replace(this.controls.slugUrl, slug ? `Adressen blir ${location.origin}/nyheter/${slug}/`
            : 'Adressen skapas av rubriken när artikeln sparas.');
        const old = this.article?.slug;
        const moved = this.article?.status === 'published' && slug && old && slug !== old;
        this.controls.slugNotice.hidden = !moved;
        replace(this.controls.slugNotice, moved
            ? `Den gamla adressen /nyheter/${old}/ fortsätter att fungera och leder hit.` : '');
    }

    // ---- the stored unsaved version

    offerStoredDraft() {
        const stored = drafts.load(this.draftKey);
        if (!stored || JSON.stringify(stored.fields) === this.baseline) {
            return;
        }
        // Until the editor chooses, the form is closed, so typing cannot overwrite the stored words.
        this.fieldset.disabled = true;
        const newer = this.version !== null && stored.baseVersion !== this.version;
        const close = () => {
            replace(this.noticeBox);
            this.fieldset.disabled = false;
            this.controls.title.focus();
        };
        replace(this.noticeBox, el('section', {class: 'notice-box', 'aria-labelledby': 'restore-heading'},
            el('h2', {id: 'restore-heading', tabindex: '-1'}, 'Du har osparade ändringar'),
            el('p', {}, `De sparades i den här webbläsaren ${swedishDateTime(stored.savedAt)}.`,
                newer ? ' Artikeln har sparats av någon annan sedan dess; när du sparar får du jämföra versionerna.'
                    : ''),
            el('div', {class: 'actions'},
                el('button', {type: 'button', class: 'primary', onclick: () => {
                    this.fill(stored.fields);
                    this.version = stored.baseVersion ?? this.version;
                    this.idempotencyKey = stored.idempotencyKey ?? null;
                    this.keyBody = stored.keyBody ?? null;
                    close();
                    this.changed();
                    announce('Dina osparade ändringar är tillbaka.');
                }}, 'Fortsätt med osparade ändringar'),
                el('button', {type: 'button', class: 'secondary', onclick: () => {
                    drafts.discard(this.draftKey);
                    close();
                    announce('De osparade ändringarna är slängda.');
                }}, 'Släng osparade ändringar'))));
        this.noticeBox.querySelector('h2').focus();
    }

    // ---- saving

    async save(status) {
        this.clearErrors();
        const body = this.payload(status);
        if (status === 'scheduled' && !body.publishAt) {
            this.showSaveProblems([{field: 'publishAt',
                message: 'Välj datum och tid (svensk tid) för publiceringen.'}]);
            return;
        }
        const correction = this.correction(status);
        if (correction === undefined) {
            this.showSaveProblems([{field: 'correction', message: 'Skriv kort vad som rättades.'}]);
            return;
        }
        if (correction) {
            body.correction = correction;
        }
        const wasPublished = this.article?.status === 'published';
        const wasReview = this.article?.status === 'review';
        this.busy(true);
        try {
            const answer = this.article
                ? await request('PUT', `/api/articles/${encodeURIComponent(this.id)}`,
                    {body, etag: `"${this.version}"`})
                : await this.create(body);
            this.saved(answer.data);
            announce(correction ? 'Rättelsen är publicerad.' : this.savedMessage(status, wasPublished, wasReview));
        } catch (e) {
            this.failed(e, status);
        } finally {
            this.busy(false);
        }
    }

    /**
     * A create, with an Idempotency-Key kept with the draft (and the body first sent with it): a retry after a lost
     * answer makes no second article. If the text changed since, the API refuses the key with a 422; then the first
     * attempt did make the article, so it is fetched by replaying that attempt and the edits are saved onto it.
     */
    async create(body) {
        if (!this.idempotencyKey) {
            this.idempotencyKey = crypto.randomUUID();
            this.keyBody = body;
            this.keep();
        }
        try {
            return await request('POST', '/api/articles', {body, idempotencyKey: this.idempotencyKey});
        } catch (e) {
            if (e.status !== 422 || !e.errors.some(x => x.field === 'Idempotency-Key') || !this.keyBody) {
                throw e;
            }
            const made = await request('POST', '/api/articles', {body: this.keyBody,
                idempotencyKey: this.idempotencyKey});
            return request('PUT', `/api/articles/${encodeURIComponent(made.data.id)}`, {body, etag: made.etag});
        }
    }

    /** Stores the form as the unsaved version; false when the browser would not. */
    keep() {
        return drafts.save(this.draftKey, {fields: this.read(), baseVersion: this.version,
            idempotencyKey: this.idempotencyKey, keyBody: this.keyBody});
    }

    saved(article) {
        const created = !this.article;
        drafts.discard(this.draftKey);
        this.loaded(article);
        this.idempotencyKey = null;
        this.keyBody = null;
        const titles = new Map(this.values.related.map(r => [r.id, r.title]));
        const values = valuesOf(article);
        values.related = values.related.map(r => ({id: r.id, title: titles.get(r.id) ?? r.id}));
        this.fill(values);
        this.baseline = JSON.stringify(this.read());
        if (values.related.some(r => r.title === r.id)) {
            this.loadRelatedTitles();
        }
        replace(this.savedState, 'Allt är sparat.');
        if (created) {
            drafts.discard('ny');
            // The address names the article now, without rendering the view again.
            history.replaceState(null, '', '#/artiklar/' + article.id);
            this.main.querySelector('h1').textContent = 'Redigera artikel';
        }
        this.renderStatus();
        this.preview.refresh();
    }

    savedMessage(status, wasPublished, wasReview) {
        if (status === 'review') {
            return wasReview ? 'Ändringarna är sparade. Artikeln väntar fortfarande på granskning.'
                : 'Artikeln är skickad för granskning. Publicerarna ser den under ”Att granska”.';
        }
        if (status === 'draft' && wasReview) {
            return 'Artikeln är tillbaka som utkast.';
        }
        if (status === 'published') {
            return wasPublished ? 'Ändringarna är sparade och publicerade.' : 'Artikeln är publicerad.';
        }
        if (status === 'scheduled') {
            return 'Artikeln är schemalagd till ' + swedishDateTime(this.article.publishAt) + ' (svensk tid).';
        }
        return wasPublished ? 'Artikeln är avpublicerad och är nu ett utkast.' : 'Utkastet är sparat.';
    }

    failed(e, status) {
        if (e.status === 422) {
            this.showSaveProblems(e.errors);
        } else if (e.status === 412) {
            this.openConflict(status);
        } else {
            replace(this.messageBox, e.message);
        }
    }

    busy(on) {
        for (const b of this.actions.querySelectorAll('button:not([data-refused])')) {
            b.disabled = on;
        }
        this.main.setAttribute('aria-busy', String(on));
    }

    // ---- problems by their fields

    /** Before a save: its message and the last save's problems go (the save says again what still holds). */
    clearErrors() {
        replace(this.messageBox);
        this.saveProblems = [];
        this.drawProblems(false);
    }

    /** A save's 422 problems: each by its field, and a summary at the top linking to them, focused. */
    showSaveProblems(errors) {
        this.saveProblems = errors;
        this.drawProblems(true);
    }

    /** The preview's problems (asked for while typing): they only mark their fields. */
    showPreviewProblems(errors) {
        this.previewProblems = errors;
        this.drawProblems(false);
    }

    /** The field `name` was edited: a save's problem with it is taken as dealt with (the next save says if not). */
    settle(name) {
        const left = this.saveProblems.filter(p => problemField(p) !== name);
        if (left.length !== this.saveProblems.length) {
            this.saveProblems = left;
            this.drawProblems(false);
        }
    }

    /** Marks every problem by its field; the save's problems also in the summary while any is left. */
    drawProblems(focus) {
        for (const p of this.main.querySelectorAll('.field-error')) {
            p.hidden = true;
            p.textContent = '';
        }
        for (const c of this.main.querySelectorAll('[aria-invalid]')) {
            c.removeAttribute('aria-invalid');
        }
        const fromSave = new Set(this.saveProblems.map(problemField));
        const problems = [...this.saveProblems, ...this.previewProblems.filter(p => !fromSave.has(problemField(p)))];
        for (const problem of problems) {
            const name = problemField(problem);
            const text = fieldMessage(problem.message);
            // A part's own line first (image.alt: f-image-alt-error), else the field's.
            const part = (problem.field ?? '').split(/[[.\]]+/).filter(Boolean).join('-');
            const line = document.getElementById(`f-${part}-error`) ?? document.getElementById(`f-${name}-error`);
            const control = this.controlFor(name);
            if (line && control) {
                line.hidden = false;
                line.textContent = line.textContent ? line.textContent + ' ' + text : text;
                control.setAttribute('aria-invalid', 'true');
            }
        }
        if (!this.saveProblems.length) {
            this.summaryBox.hidden = true;
            return;
        }
        const items = this.saveProblems.map(problem => {
            const name = problemField(problem);
            const text = `${LABELS[name] ?? name}: ${fieldMessage(problem.message)}`;
            const control = this.controlFor(name);
            return el('li', {}, control ? el('a', {href: '#' + control.id, onclick: event => {
                event.preventDefault();
                this.showTab('edit');
                control.focus();
            }}, text) : text);
        });
        replace(this.summaryBox, el('h2', {}, 'Rätta det här innan du sparar'), el('ul', {}, items));
        this.summaryBox.hidden = false;
        if (focus) {
            this.summaryBox.focus();
        }
    }

    controlFor(name) {
        const c = this.controls;
        return {categories: c.categoryInput, related: c.relatedSearch, publishedAt: c.publishAt,
            image: c.image.control()}[name]
            ?? c[name] ?? null;
    }

    // ---- a concurrent edit

    async openConflict(status) {
        let current;
        try {
            current = await request('GET', `/api/articles/${encodeURIComponent(this.id)}`);
        } catch (e) {
            replace(this.messageBox, 'Någon annan har ändrat artikeln, men den versionen kunde inte hämtas: '
                + e.message);
            return;
        }
        const mine = this.read();
        const theirs = {...valuesOf(current.data), related: await this.titled(current.data.related)};
        // The version both started from, so each field can say who changed it: known when the editor's text was
        // begun on the article as loaded (not on an older version, as a restored draft may be).
        const known = this.article?.version === this.version;
        const base = known ? {...valuesOf(this.article), related: await this.titled(this.article.related)} : null;
        const same = (name, a, b) => JSON.stringify(readable(name, a[name])) === JSON.stringify(readable(name, b[name]));
        const differing = FIELDS.filter(n => !same(n, mine, theirs));
        const close = () => replace(this.conflictBox);
        replace(this.conflictBox, conflictView({
            fields: differing.map(name => ({name, label: LABELS[name], mine: String(readable(name, mine[name])),
                theirs: String(readable(name, theirs[name])),
                change: base ? changedBy(same(name, mine, base), same(name, theirs, base)) : null})),
            onCopy: name => {
                this.fill({...this.read(), [name]: theirs[name]});
                this.changed();
                announce(`${LABELS[name]} är kopierad till din version.`);
            },
            onKeepMine: () => {
                close();
                this.article = current.data;
                this.version = current.data.version;
                this.save(status);
            },
            onTakeTheirs: () => {
                // Mine stays in the browser until the editor leaves the article.
                drafts.save(this.draftKey + '.min', {fields: this.read(), baseVersion: this.version});
                close();
                this.saved(current.data);
                announce('Deras version visas nu. Din version finns kvar i webbläsaren tills du lämnar artikeln.');
            },
        }));
        this.conflictBox.querySelector('h2').focus();
    }

    async titled(ids) {
        const known = new Map(this.values.related.map(r => [r.id, r.title]));
        return Promise.all(ids.map(async id => ({id, title: known.get(id) ?? await request('GET',
            `/api/articles/${encodeURIComponent(id)}`).then(a => a.data.title, () => id)})));
    }

    // ---- deleting and leaving

    async remove() {
        const title = this.article.title;
        const sure = await confirmDialog({title: `Radera ”${title}”?`, danger: true, confirm: 'Radera',
            text: 'Artikeln och alla kommentarer till den tas bort från webbplatsen. Det går inte att ångra.'});
        if (!sure) {
            return;
        }
        try {
            await request('DELETE', `/api/articles/${encodeURIComponent(this.id)}`, {etag: `"${this.version}"`});
        } catch (e) {
            replace(this.messageBox, e.status === 412
                ? 'Någon annan har ändrat artikeln under tiden. Ladda om sidan och titta innan du raderar.' : e.message);
            return;
        }
        drafts.discard(this.draftKey);
        this.baseline = JSON.stringify(this.read());
        announce(`Artikeln ”${title}” är raderad.`);
        location.hash = '#/artiklar';
    }

    /** Called when the view is left (after the router asked, when there were unsaved changes). */
    leave() {
        window.removeEventListener('beforeunload', this.unload);
        this.preview.stop();
        drafts.discard(this.draftKey + '.min');
    }
}
