// What the detail page shows of a kind: label/value rows from its details. `show` renders a
// value as text the way every row does (numbers, yes/no, empty as "—").
export type Row = [label: string, value: string];
export type Show = (v: unknown) => string;
