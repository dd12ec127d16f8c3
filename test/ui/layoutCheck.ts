import type { Page } from 'playwright-core';

/**
 * Elements that reach past the viewport's right edge, and the document's own horizontal overflow, measured from the
 * DOM (getBoundingClientRect of every element in the body). Elements inside a horizontally scrolling box, or hidden,
 * do not count: the user can reach them. Each entry names the element: `tag.class "text" right=px`.
 */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`document scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if ((style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'hidden') && e.clientWidth < e.scrollWidth + 1) {
          if (e.getBoundingClientRect().right <= width + 0.5) return true;
        }
      }
      return false;
    };
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= width + 0.5) continue;
      if (scrolls(el.parentElement)) continue;
      const text = (el.textContent ?? '').trim().slice(0, 30);
      out.push(`${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').replace(/\s+/g, '.')} "${text}" right=${Math.round(box.right)}`);
    }
    return out;
  });
}
