/** Who reads the KPIs and the reports of their municipality (figures, in which confidential cases count only in totals). */
export const READER_ROLES = ['ops', 'secretary', 'mayor', 'head-of-unit', 'registrar'] as const;

/**
 * Who reads the case list: the readers above, those who see every confidential case in a list (the
 * anti-corruption officer who handles them, auditors), and officers, whose list is their own queue; which rows
 * each one sees is the list's filter.
 */
export const CASE_LIST_ROLES = [...READER_ROLES, 'anti-corruption-officer', 'auditor', 'officer'] as const;
