import { consoleRoute } from './console-route';

describe("the console's route label", () => {
  it.each([
    ['/api/intake/tenants/peshtera/cases/0d3f3a8e-1c7b-4b7e-9a51-5f3c2b9d8e10', '/api/intake'],
    ['/api/deadline-watch/tenants/peshtera/deadlines', '/api/deadline-watch'],
    ['/api/elsewhere/x', '/api/unknown'],
    ['/assets/index-4f3a.js', '/assets'],
    ['/cases/0d3f3a8e-1c7b-4b7e-9a51-5f3c2b9d8e10', 'page'],
  ])('%s is %s', (path, label) => expect(consoleRoute(path)).toBe(label));
});
