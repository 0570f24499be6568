// The DataTable keyboard: the grid is one tab stop whose keys move the selection, open and
// close the details, reach the row's actions and the headers, and copy the row's ID.
import { describe, expect, it } from 'vitest';
import { gridKey, headerKey, type GridState, type KeyPress } from './keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const state = (over: Partial<GridState> = {}): GridState => ({ selected: true, selectedIndex: 3, rows: 10, pageSize: 4, detailsOpen: false, textSelected: false, ...over });

describe('grid keys', () => {
  it('move the selection with arrows, pages, Home and End', () => {
    expect(gridKey(press('ArrowDown'), state())).toEqual({ kind: 'select', index: 4 });
    expect(gridKey(press('ArrowUp'), state())).toEqual({ kind: 'select', index: 2 });
    expect(gridKey(press('PageDown'), state())).toEqual({ kind: 'select', index: 7 });
    expect(gridKey(press('End'), state())).toEqual({ kind: 'select', index: 9 });
    expect(gridKey(press('Home'), state())).toEqual({ kind: 'select', index: 0 });
    expect(gridKey(press('ArrowDown'), state({ selectedIndex: -1 }))).toEqual({ kind: 'select', index: 0 });
  });
  it('go up to the headers from the first row (or with nothing selected)', () => {
    expect(gridKey(press('ArrowUp'), state({ selectedIndex: 0 }))).toEqual({ kind: 'headers' });
    expect(gridKey(press('ArrowUp'), state({ selectedIndex: -1 }))).toEqual({ kind: 'headers' });
  });
  it('open the details with Enter and close them with Escape', () => {
    expect(gridKey(press('Enter'), state())).toEqual({ kind: 'open' });
    expect(gridKey(press('Enter'), state({ selected: false, selectedIndex: -1 }))).toBeNull();
    expect(gridKey(press('Escape'), state({ detailsOpen: true }))).toEqual({ kind: 'close' });
    expect(gridKey(press('Escape'), state())).toBeNull();
  });
  it('reach the row actions with Shift+F10 or the context-menu key', () => {
    expect(gridKey(press('F10', { shiftKey: true }), state())).toEqual({ kind: 'actions' });
    expect(gridKey(press('ContextMenu'), state())).toEqual({ kind: 'actions' });
    expect(gridKey(press('F10'), state())).toBeNull();
  });
  it('copy the row ID with Ctrl+C unless the user selected text', () => {
    expect(gridKey(press('c', { ctrlKey: true }), state())).toEqual({ kind: 'copy' });
    expect(gridKey(press('C', { metaKey: true }), state())).toEqual({ kind: 'copy' });
    expect(gridKey(press('c', { ctrlKey: true }), state({ textSelected: true }))).toBeNull();
    expect(gridKey(press('c', { ctrlKey: true }), state({ selected: false, selectedIndex: -1 }))).toBeNull();
  });
  it('leave other keys (Tab, letters) to the browser', () => {
    expect(gridKey(press('Tab'), state())).toBeNull();
    expect(gridKey(press('a'), state())).toBeNull();
    expect(gridKey(press('ArrowDown'), state({ rows: 0, selected: false, selectedIndex: -1 }))).toBeNull();
  });
});

describe('header keys', () => {
  it('move between headers, clamped at both ends', () => {
    expect(headerKey(press('ArrowRight'), 1, 5)).toEqual({ kind: 'focus', index: 2 });
    expect(headerKey(press('ArrowLeft'), 0, 5)).toEqual({ kind: 'focus', index: 0 });
    expect(headerKey(press('ArrowRight'), 4, 5)).toEqual({ kind: 'focus', index: 4 });
  });
  it('resize with Alt+Left/Right', () => {
    expect(headerKey(press('ArrowRight', { altKey: true }), 1, 5)).toEqual({ kind: 'resize', delta: 16 });
    expect(headerKey(press('ArrowLeft', { altKey: true }), 1, 5)).toEqual({ kind: 'resize', delta: -16 });
  });
  it('go back to the grid with Down or Escape, and leave Enter to the button', () => {
    expect(headerKey(press('ArrowDown'), 1, 5)).toEqual({ kind: 'grid' });
    expect(headerKey(press('Escape'), 1, 5)).toEqual({ kind: 'grid' });
    expect(headerKey(press('Enter'), 1, 5)).toBeNull();
  });
});
