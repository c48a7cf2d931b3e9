// A 412 on save: someone else saved the article since it was opened. Both versions side by side, field by field;
// the editor keeps theirs, takes the other, or copies text across. Nothing is overwritten without a choice.
import {el} from './ui.js';

/**
 * The conflict view. `fields` = [{name, label, mine, theirs, change}] for the fields that differ (text values;
 * `change` says who changed the field since the version both started from);
 * `onCopy(name)` copies their value into the editor's form; `onKeepMine()`, `onTakeTheirs()`.
 */
export function conflictView({fields, onCopy, onKeepMine, onTakeTheirs}) {
    const rows = fields.map(field => el('div', {class: 'conflict-field'},
        el('h3', {id: 'conflict-' + field.name}, field.label),
        field.change ? el('p', {class: 'hint'}, field.change) : null,
        el('div', {class: 'conflict-columns'},
            el('div', {class: 'conflict-side'},
                el('h4', {}, 'Din version'),
                el('p', {class: 'conflict-text'}, field.mine || '(tomt)')),
            el('div', {class: 'conflict-side'},
                el('h4', {}, 'Deras version'),
                el('p', {class: 'conflict-text'}, field.theirs || '(tomt)'),
                el('button', {type: 'button', class: 'secondary', 'aria-describedby': 'conflict-' + field.name,
                    onclick: () => onCopy(field.name)}, 'Kopiera till min version')))));
    const view = el('section', {class: 'conflict', 'aria-labelledby': 'conflict-heading'},
        el('h2', {id: 'conflict-heading', tabindex: '-1'}, 'Någon annan har ändrat artikeln'),
        el('p', {}, 'Artikeln sparades av någon annan medan du skrev. Din text är inte borta: jämför versionerna nedan. '
            + 'Du kan behålla din version (den ersätter deras), ta deras version (din finns kvar här i webbläsaren '
            + 'tills du lämnar artikeln) eller kopiera enskilda fält från deras version till din.'),
        fields.length ? rows : el('p', {}, 'Texterna är likadana; bara versionsnumret skiljer.'),
        el('div', {class: 'actions'},
            el('button', {type: 'button', class: 'primary', onclick: onKeepMine}, 'Behåll min version'),
            el('button', {type: 'button', class: 'secondary', onclick: onTakeTheirs}, 'Ta deras version')));
    return view;
}
