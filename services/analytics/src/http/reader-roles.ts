/** Who reads the lists, the KPIs and the reports of their municipality. */
export const READER_ROLES = ['ops', 'secretary', 'mayor', 'head-of-unit', 'registrar'] as const;
