import { accessJourney } from './journeys/access';
import { citizenJourney } from './journeys/citizen';
import { auditorJourney } from './journeys/auditor';
import { dataProtectionOfficerJourney } from './journeys/data-protection-officer';
import { headOfUnitJourney, tenantAdminJourney } from './journeys/admin';
import { journeyContext } from './journeys/context';
import { officerJourney } from './journeys/officer';
import { registrarJourney } from './journeys/registrar';
import { opsJourney } from './journeys/ops';
import { platformOperatorJourney } from './journeys/platform-operator';

// The console as people use it: real Chromium, signing in on Keycloak's own login page, the platform as processes
// (started once for every journey in this file). One journey per role, each in test/journeys/.
describe('the web console, signed in through Keycloak', () => {
  const journey = journeyContext();
  citizenJourney(journey);
  officerJourney(journey);
  registrarJourney(journey);
  auditorJourney(journey);
  opsJourney(journey);
  accessJourney(journey);
  dataProtectionOfficerJourney(journey);
  platformOperatorJourney(journey);
  // The tenant admin names the head of a unit and gives it a second officer before the head of unit's journey.
  tenantAdminJourney(journey);
  headOfUnitJourney(journey);
});
