export * from './audit-trail';
export * from './personal-data-read';
