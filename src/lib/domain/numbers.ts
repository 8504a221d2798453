// Vietnamese number formatting: decimal comma, thousands dot (1.234.567,5; 98,5 %).
const intFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const pctFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export const formatNumber = (n: number) => intFmt.format(n);
/** A ratio (0.985) as "98,5 %". */
export const formatPercent = (ratio: number) => `${pctFmt.format(ratio * 100)} %`;
