/**
 * Copying text (an ID, an IP) to the clipboard, with a fallback for webviews where the async
 * Clipboard API is unavailable, and a short confirmation message the toolbar announces.
 */
import { m } from '../../i18n';

class Notice {
  text = $state('');
  private timer: ReturnType<typeof setTimeout> | null = null;

  show(text: string, ms = 2500) {
    this.text = text;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.text = ''), ms);
  }
}

/** The latest confirmation ("Copied eip-…", "Exported 12 rows…"). */
export const notice: Readonly<Notice> = new Notice();

function fallbackCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'sr-only';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Copies `text`; says so (or that it failed) in the notice. */
export async function copyText(text: string, what = text): Promise<boolean> {
  let ok = false;
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      ok = true;
    }
  } catch {
    ok = false;
  }
  if (!ok) ok = fallbackCopy(text);
  notice.show(ok ? m.copied_what({ what }) : m.copy_failed({ what }));
  return ok;
}
