/**
 * A problem the user can fix (a missing column, a bad setting), carrying its sentence in both
 * languages. The run stops and the user reads the sentence; nothing else is shown.
 */
import type { Lang } from '../../core/locale';

export class UserError extends Error {
  constructor(private readonly words: (lang: Lang) => string) {
    super(words('en'));
    this.name = 'UserError';
  }

  text(lang: Lang): string {
    return this.words(lang);
  }
}
