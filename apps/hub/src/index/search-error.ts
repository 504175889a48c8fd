/** A search request the hub cannot answer as asked (a bad cursor): the caller's mistake, a 400. */
export class SearchInputError extends Error {
  readonly code = 'SEARCH_INPUT_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'SearchInputError';
  }
}
