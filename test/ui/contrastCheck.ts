import type { Page } from 'playwright-core';

/**
 * Text whose contrast with what is behind it is under `minimum` (WCAG 2 relative luminance), from computed styles:
 * every visible element with text of its own (not screen-reader-only, not disabled), its colour composited over
 * the background colours of its ancestors (alpha blended from the root down). Background images (gradients) are
 * left out: the colour under them stands for them. Each entry: `tag.class "text" ratio fg on bg`.
 */
export function lowContrastText(page: Page, minimum = 4.5): Promise<string[]> {
  return page.evaluate((min) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      // color-mix() computes to `color(srgb r g b / a)` with channels in 0..1
      const srgb = value.match(/color\(srgb ([^)]+)\)/);
      if (srgb) {
        const parts = srgb[1]!.split(/[\s/]+/).filter(Boolean).map(Number);
        return [parts[0]! * 255, parts[1]! * 255, parts[2]! * 255, parts[3] ?? 1];
      }
      const m = value.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`unparsed colour ${value}`);
      const parts = m[1]!.split(/[,\s/]+/).filter(Boolean).map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const over = (top: Rgba, base: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + base[0] * (1 - a), top[1] * a + base[1] * (1 - a), top[2] * a + base[2] * (1 - a), 1];
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const f = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element): Rgba => {
      const chain: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) chain.push(parse(getComputedStyle(e).backgroundColor));
      let base: Rgba = [255, 255, 255, 1];
      for (const color of chain.reverse()) base = over(color, base);
      return base;
    };
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
      if (el.closest('.sr-only, [aria-hidden="true"] svg, :disabled, [aria-disabled="true"]')) continue;
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < min) {
        const text = (el.textContent ?? '').trim().slice(0, 24);
        out.push(`${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').replace(/\s+/g, '.')} "${text}" ${ratio.toFixed(2)} ${style.color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')})`);
      }
    }
    return out;
  }, minimum);
}
