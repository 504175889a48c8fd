/** `list` with `value` added (on) or removed (off): for checkbox groups bound to arrays. */
export function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((item) => item !== value);
}
