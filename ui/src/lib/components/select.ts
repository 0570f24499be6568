/**
 * A workaround for WebKit's `<select>`: once script has changed a select's value (Svelte
 * does when the state it shows changes elsewhere: the command palette switches the theme, a
 * profile switch clears a filter), WebKit fires no `change` when the user then picks the value
 * they picked last, so the pick is lost. Re-creating the element resets that memory: wrap the
 * select in `{#key value}` and give it `{@attach keepFocus('name')}`, which hands focus to the
 * new element when the user was in the old one (a keyboard user stepping through options).
 */
import type { Attachment } from 'svelte/attachments';

let refocus: string | null = null;

export function keepFocus(name: string): Attachment<HTMLSelectElement> {
  return (select) => {
    if (refocus === name) {
      refocus = null;
      select.focus();
    }
    return () => {
      if (document.activeElement === select) refocus = name;
    };
  };
}
