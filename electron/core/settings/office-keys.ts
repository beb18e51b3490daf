/** Where the HMIS login address is stored (with the training settings, where it was first set). */
export const LOGIN_URL_KEY = 'credentials.loginUrl';
