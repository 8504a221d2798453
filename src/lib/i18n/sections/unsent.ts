// What waits for the server, in words: records and photos told apart (photos sync after the
// records, so "every record is on the server" can be true while photos are still on their way).
// `total` counts both; `photos` is how many of them are photos.
export function unsentVi(total: number, photos: number): string {
  const records = total - photos;
  if (!photos) return `${records} bản ghi`;
  if (!records) return `${photos} ảnh`;
  return `${records} bản ghi và ${photos} ảnh`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function unsentEn(total: number, photos: number): string {
  const records = plural(total - photos, 'record', 'records');
  if (!photos) return records;
  if (total === photos) return plural(photos, 'photo', 'photos');
  return `${records} and ${plural(photos, 'photo', 'photos')}`;
}
