/** A password the password policy accepts, for users the tests create (demo users keep DEMO_PASSWORD). */
export const STRONG_PASSWORD = 'Lan-river.47-kite';
