/** Where the Songbook's pages are: the Node demo's paths, and the Django one's (trailing slashes). */
export interface SongbookRoutes {
  login: string;
  account: string;
  lesson(n: number): string;
}

export const NODE_ROUTES: SongbookRoutes = { login: 'login', account: 'account', lesson: (n) => `lessons/${n}` };
export const DJANGO_ROUTES: SongbookRoutes = { login: 'accounts/login/', account: 'account/', lesson: (n) => `lessons/${n}/` };
