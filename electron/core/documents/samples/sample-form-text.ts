/**
 * Wording of the sample forms (fictional, modelled on a county CoC's HMIS forms). Kept apart from
 * the drawing code so the layout stays readable; recognition never reads this file, only the PDFs.
 */
export const OFFICE_HEADER = 'Sacramento County Continuum of Care — Homeless Management Information System';

export const STAFF_VERIFICATION = {
  title: 'STAFF VERIFICATION FOR HMIS ACCESS',
  version: 'Form HMIS-SV, revised January 2025',
  intro: [
    'The partner agency completes this form for each staff member who needs access to the HMIS.',
    'Return it, signed by the supervisor, to the HMIS office by email.',
  ],
  sectionUser: 'Section 1 — The new user',
  sectionSupervisor: 'Section 2 — Verification by the supervisor',
  attestation: [
    'I verify that the person named above has completed the agency\u2019s background check and passed it,',
    'and that HMIS access is required for their job duties.',
  ],
  closing: 'Keep a copy of this form in the staff member\u2019s personnel file.',
};

export const END_USER_AGREEMENT = {
  title: 'HMIS END USER AGREEMENT',
  version: 'Form HMIS-EUA, revised January 2025',
  intro:
    'This agreement sets out the responsibilities of every person given a user account in the Homeless Management Information System (HMIS). Read it carefully; your signature on page 2 confirms that you understand and accept it.',
  rules: [
    'I will keep my user name and password private. I will not share them with anyone, write them where others can find them, or let anyone else use my account.',
    'I will log out or lock my screen whenever I leave my computer, and I will not use the HMIS on a public or shared computer.',
    'I will view, enter and share client information only as my job requires and only as each client has consented.',
    'I will not copy, print, photograph or download client information except as my agency\u2019s policies allow, and I will store and destroy any printed copies securely.',
    'I will enter information that is accurate, complete and timely, and I will correct errors I find.',
    'I will not use the HMIS to harass, discriminate against or deny services to any client.',
    'I will report any suspected breach of security or confidentiality to my agency administrator and the HMIS office at once.',
    'I will complete the training and the yearly recertification required for my access level.',
    'I understand that my use of the HMIS is logged, and that breaking this agreement may end my access and lead to action by my employer.',
  ],
  consent:
    'By signing below, I confirm that I have read this HMIS End User Agreement, that I understand it, and that I agree to follow it for as long as I have an HMIS account.',
  sectionSign: 'Signature of the end user',
};
