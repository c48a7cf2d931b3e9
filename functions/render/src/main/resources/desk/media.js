// Pictures: the media library picker, an upload with its progress, the article's featured image, and the toolbar's
// "Bild". Files go straight to the presigned upload address the API gives (on the site's own origin); the media
// function makes the variants, so the desk asks until the picture is ready or refused.
import {request} from './api.js';
import {announce, el, replace} from './ui.js';

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const MAX_BYTES = 20 * 1024 * 1024;
const POLL_MS = 1000;
const POLL_TIMES = 60;

/** The smallest variant of a ready item: what the desk shows as a thumbnail. */
export function thumbnailUrl(media) {
    return media?.variants?.[0]?.url ?? null;
}

/**
 * A modal dialog listing the library (GET /api/media) as thumbnails with their alt texts, ready ones selectable.
 * Resolves the chosen item, or null when cancelled (Esc, "Avbryt"). Focus returns to where it was.
 */
export function pickMedia() {
    const before = document.activeElement;
    return new Promise(resolve => {
        let chosen = null;
        const list = el('ul', {class: 'media-grid', 'aria-label': 'Bilder i biblioteket'});
        const more = el('button', {type: 'button', class: 'secondary', hidden: true}, 'Visa fler bilder');
        const state = el('p', {class: 'hint', role: 'status'}, 'Hämtar bilder …');
        const dialog = el('dialog', {'aria-labelledby': 'media-picker-title', class: 'dialog media-picker'},
            el('h2', {id: 'media-picker-title'}, 'Välj bild'),
            state, list, more,
            el('form', {method: 'dialog', class: 'actions'},
                el('button', {value: 'no', class: 'secondary'}, 'Avbryt')));
        let cursor = null;
        const load = async () => {
            try {
                const query = cursor ? '?limit=24&cursor=' + encodeURIComponent(cursor) : '?limit=24';
                const {data} = await request('GET', '/api/media' + query);
                cursor = data.nextCursor ?? null;
                more.hidden = !cursor;
                const items = data.items ?? [];
                list.append(...items.map(item => pickItem(item, () => {
                    chosen = item;
                    dialog.close();
                })));
                replace(state, list.children.length ? '' : 'Biblioteket är tomt. Ladda upp en bild först.');
                list.querySelector('button:not([disabled])')?.focus();
            } catch (e) {
                replace(state, e.message);
            }
        };
        more.addEventListener('click', load);
        dialog.addEventListener('close', () => {
            dialog.remove();
            before?.focus?.();
            resolve(chosen);
        });
        document.body.append(dialog);
        dialog.showModal();
        load();
    });
}

function pickItem(item, choose) {
    const ready = item.status === 'ready';
    const thumb = thumbnailUrl(item);
    const label = item.alt || item.fileName;
    return el('li', {},
        el('button', {type: 'button', class: 'media-item', disabled: !ready, onclick: choose},
            thumb ? el('img', {src: thumb, alt: '', width: 160, height: 107, loading: 'lazy'}) : null,
            el('span', {class: 'media-label'}, label),
            ready ? null : el('span', {class: 'hint'},
                item.status === 'error' ? 'Fel: ' + (item.reason || 'bilden kunde inte läsas') : 'Bearbetas …')));
}

/**
 * Uploads `file`: POST /api/media, then a PUT of the bytes to the given address with progress (0–1) reported to
 * `progress`, then asks for the item until it is ready (resolves it) or refused (throws with the reason).
 */
export async function uploadMedia(file, progress) {
    if (!TYPES.includes(file.type)) {
        throw new Error('Filen måste vara en JPEG-, PNG-, WebP- eller GIF-bild.');
    }
    if (file.size > MAX_BYTES) {
        throw new Error('Bilden är för stor: högst 20 MB.');
    }
    const {data} = await request('POST', '/api/media',
        {body: {fileName: file.name, contentType: file.type, size: file.size}});
    await put(data.upload, file, progress);
    for (let i = 0; i < POLL_TIMES; i++) {
        const {data: media} = await request('GET', '/api/media/' + encodeURIComponent(data.media.id));
        if (media.status === 'ready') {
            return media;
        }
        if (media.status === 'error') {
            // The reason is the media function's own sentence, full stop included.
            throw new Error('Bilden kunde inte användas. ' + (media.reason || 'Okänt fel.'));
        }
        await new Promise(r => setTimeout(r, POLL_MS));
    }
    throw new Error('Bilden bearbetas fortfarande. Välj den i biblioteket om en stund.');
}

function put(upload, file, progress) {
    return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open(upload.method || 'PUT', upload.url);
        for (const [name, value] of Object.entries(upload.headers ?? {})) {
            xhr.setRequestHeader(name, value);
        }
        xhr.upload.addEventListener('progress', e => e.lengthComputable && progress(e.loaded / e.total));
        xhr.addEventListener('load', () => xhr.status >= 200 && xhr.status < 300 ? resolve()
            : reject(new Error(`Uppladdningen misslyckades (fel ${xhr.status}). Försök igen.`)));
        xhr.addEventListener('error', () => reject(new Error('Ingen kontakt med servern. Försök igen.')));
        xhr.send(file);
    });
}

/**
 * The article's featured image: a thumbnail, "Välj bild", "Ladda upp bild" (with a progress bar), "Ta bort bild",
 * and the texts "Alternativtext" (or "Bilden är dekorativ"), "Bildtext", "Fotograf". `changed` is called on every
 * change. Answers {element, read(), fill(image), control()}: control() is where a problem with it is fixed. An image is {mediaId, alt, decorative, caption, credit}, as the
 * article's JSON has it.
 */
export function featuredImageField(changed) {
    let image = null;
    let thumbFor = null;
    const thumb = el('div', {class: 'featured-thumb'});
    const file = el('input', {type: 'file', accept: TYPES.join(','), hidden: true, tabindex: -1,
        onchange: () => file.files[0] && upload(file.files[0])});
    const bar = el('progress', {max: 1, value: 0, hidden: true, 'aria-label': 'Uppladdning'});
    const state = el('p', {class: 'hint', id: 'f-image-state', role: 'status'});
    const alt = el('input', {type: 'text', id: 'f-image-alt', maxlength: 300,
        'aria-describedby': 'f-image-alt-hint f-image-alt-error'});
    const decorative = el('input', {type: 'checkbox', id: 'f-image-decorative',
        onchange: () => {
            alt.disabled = decorative.checked;
        }});
    const caption = el('input', {type: 'text', id: 'f-image-caption'});
    const credit = el('input', {type: 'text', id: 'f-image-credit'});
    const pickButton = el('button', {type: 'button', class: 'secondary', id: 'f-image-pick', onclick: () => pick()},
        'Välj bild');
    const remove = el('button', {type: 'button', class: 'secondary', onclick: () => {
        set(null);
        changed();
    }}, 'Ta bort bild');
    const details = el('div', {class: 'featured-details'},
        el('div', {class: 'field'}, el('label', {for: 'f-image-alt'}, 'Alternativtext'),
            el('p', {class: 'hint', id: 'f-image-alt-hint'}, 'Beskriv bilden för den som inte ser den.'), alt,
            el('p', {class: 'field-error', id: 'f-image-alt-error', hidden: true})),
        el('div', {class: 'field checkbox'}, decorative,
            el('label', {for: 'f-image-decorative'}, 'Bilden är dekorativ')),
        el('div', {class: 'field'}, el('label', {for: 'f-image-caption'}, 'Bildtext'), caption),
        el('div', {class: 'field'}, el('label', {for: 'f-image-credit'}, 'Fotograf'), credit),
        remove);
    const element = el('fieldset', {class: 'featured-image', id: 'f-image'},
        el('legend', {}, 'Huvudbild'),
        thumb,
        el('div', {class: 'actions'},
            pickButton,
            el('button', {type: 'button', class: 'secondary', onclick: () => file.click()}, 'Ladda upp bild'), file),
        bar, state, details,
        el('p', {class: 'field-error', id: 'f-image-error', hidden: true}));

    function set(next, url = null) {
        image = next;
        details.hidden = !image;
        showThumb(url);
        alt.value = image?.alt ?? '';
        decorative.checked = image?.decorative ?? false;
        alt.disabled = decorative.checked;
        caption.value = image?.caption ?? '';
        credit.value = image?.credit ?? '';
    }

    /** The picked picture's thumbnail; for an article opened with one, asked of the library. */
    async function showThumb(url) {
        const id = image?.mediaId ?? null;
        thumbFor = id;
        if (id && !url) {
            try {
                url = thumbnailUrl((await request('GET', '/api/media/' + encodeURIComponent(id))).data);
            } catch (e) {
                replace(state, e.message);
            }
        }
        if (thumbFor === id) {
            replace(thumb, url ? el('img', {src: url, alt: '', width: 240, height: 160}) : null);
        }
    }

    function chosen(media) {
        set({mediaId: media.id, alt: media.alt ?? '', decorative: false, caption: media.caption ?? '',
            credit: media.credit ?? ''}, thumbnailUrl(media));
        changed();
        alt.focus();
    }

    async function pick() {
        const media = await pickMedia();
        if (media) {
            chosen(media);
        }
    }

    async function upload(f) {
        bar.hidden = false;
        bar.value = 0;
        state.className = 'hint';
        replace(state, 'Laddar upp ' + f.name + ' …');
        try {
            const media = await uploadMedia(f, p => {
                bar.value = p;
                if (p >= 1) {
                    replace(state, 'Uppladdad. Bilden bearbetas …');
                }
            });
            replace(state, 'Bilden är klar.');
            announce('Bilden är uppladdad och klar.');
            chosen(media);
        } catch (e) {
            // Said in the form's error red, not as a hint (and not a .field-error: those the editor clears).
            state.className = 'upload-error';
            replace(state, e.message);
            announce(e.message, 'error');
        } finally {
            bar.hidden = true;
            file.value = '';
        }
    }

    set(null);
    return {
        element,
        read: () => image && {mediaId: image.mediaId, alt: decorative.checked ? '' : alt.value,
            decorative: decorative.checked, caption: caption.value, credit: credit.value},
        fill: next => set(next ? {...next} : null),
        control: () => image && !decorative.checked ? alt : pickButton,
    };
}

/** The toolbar's "Bild": picks a ready picture and inserts `![alt](media:<id>)` at the caret. */
export async function insertImage(textarea) {
    const media = await pickMedia();
    if (!media) {
        return;
    }
    const {selectionStart: start, selectionEnd: end} = textarea;
    const alt = (textarea.value.slice(start, end) || media.alt || '').replace(/[[\]\n]/g, ' ');
    // Alone in its paragraph, so the site shows it as a figure with its caption.
    const before = start > 0 && textarea.value[start - 1] !== '\n' ? '\n\n' : '';
    const text = `${before}![${alt}](media:${media.id})\n\n`;
    textarea.setRangeText(text, start, end, 'end');
    textarea.focus();
    textarea.dispatchEvent(new Event('input', {bubbles: true}));
}
