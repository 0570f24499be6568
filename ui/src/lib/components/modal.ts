/**
 * Every modal in the app is a native `<dialog>` with this attachment:
 * `<dialog {@attach modal({ onclose })} aria-labelledby=…>`. While the element is rendered it
 * is open with `showModal()`, so the browser puts it in the top layer, makes the rest of the
 * page inert (Tab cannot leave it, nothing behind it can be clicked) and dims the page through
 * `::backdrop`. The owner closes it by no longer rendering it; Escape (the dialog's `cancel`
 * event) and a click on the backdrop only ask, through `onclose`, so state and view cannot
 * disagree. Focus starts where `initialFocus` says (else the browser picks the first focusable
 * element) and goes back to the element that had it before, once the dialog is gone.
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

export interface ModalOptions {
  /** Escape or a backdrop click asks to close; the owner closes by not rendering the dialog. */
  onclose: () => void;
  /** The element to focus first. */
  initialFocus?: (dialog: HTMLDialogElement) => HTMLElement | null | undefined;
  /** Whether a click on the backdrop asks to close (default: yes). */
  backdropCloses?: boolean;
}

export function modal(options: ModalOptions): Attachment<HTMLDialogElement> {
  return (dialog) =>
    untrack(() => {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      options.initialFocus?.(dialog)?.focus();

      const oncancel = (e: Event) => {
        e.preventDefault();
        options.onclose();
      };
      // Page-level Escape handlers (tables, panels) must not act on the same key press.
      const onkeydown = (e: KeyboardEvent) => {
        if (e.key === 'Escape') e.stopPropagation();
      };
      // A click on the backdrop targets the <dialog> itself (its content must fill it). Only a
      // press that also started there counts: a text selection dragged out of a field does not.
      let pressedOutside = false;
      const onpointerdown = (e: PointerEvent) => {
        pressedOutside = e.target === dialog;
      };
      const onclick = (e: MouseEvent) => {
        if (options.backdropCloses !== false && pressedOutside && e.target === dialog) options.onclose();
        pressedOutside = false;
      };
      dialog.addEventListener('cancel', oncancel);
      dialog.addEventListener('keydown', onkeydown);
      dialog.addEventListener('pointerdown', onpointerdown);
      dialog.addEventListener('click', onclick);
      return () => {
        dialog.removeEventListener('cancel', oncancel);
        dialog.removeEventListener('keydown', onkeydown);
        dialog.removeEventListener('pointerdown', onpointerdown);
        dialog.removeEventListener('click', onclick);
        if (dialog.open) dialog.close();
        if (opener?.isConnected) opener.focus();
      };
    });
}

/** The first field of `scope` that takes input, for `initialFocus`. */
export function firstField(scope: ParentNode): HTMLElement | null {
  return scope.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])');
}
