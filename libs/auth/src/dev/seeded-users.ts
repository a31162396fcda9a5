import { MUNICIPAL_ROLES } from '@civic/domain';
import { PLATFORM_TENANT } from '../principal';

/** The five seed tenants (libs/domain/tenants/*.json); a test keeps this list in step with the files. */
export const SEED_TENANTS = ['nova-zagora', 'peshtera', 'momchilgrad', 'petrich', 'sopot'] as const;
export type SeedTenant = (typeof SEED_TENANTS)[number];

/** The municipality's staff roles; `citizen` and `system` are not people with accounts at an issuer. */
export const STAFF_ROLES = MUNICIPAL_ROLES;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The claims of a seeded user, ready for `DevIssuer#sign`. */
export interface SeededUser {
  /** Stable across runs: `<tenant>:<role>`, e.g. `peshtera:registrar`. */
  sub: string;
  name: string;
  tenant: SeedTenant;
  roles: [StaffRole];
}

/** Made-up people, one per role, in the order of STAFF_ROLES. */
const NAMES: Record<SeedTenant, readonly string[]> = {
  'nova-zagora': [
    'Мария Петрова',
    'Иван Стоянов',
    'Елена Димитрова',
    'Георги Колев',
    'Николай Тодоров',
    'Светла Маринова',
    'Петър Ангелов',
    'Даниела Илиева',
    'Стефан Христов',
    'Вера Пенчева',
  ],
  peshtera: [
    'Стоянка Атанасова',
    'Димитър Попов',
    'Надежда Василева',
    'Тодор Николов',
    'Христо Георгиев',
    'Ваня Костова',
    'Красимир Йорданов',
    'Милена Александрова',
    'Асен Михайлов',
    'Лилия Стаматова',
  ],
  momchilgrad: [
    'Айше Мехмедова',
    'Мустафа Алиев',
    'Росица Кирилова',
    'Ердинч Хасанов',
    'Севджан Юсеинова',
    'Пламен Радев',
    'Гюлсер Ахмедова',
    'Илиян Славов',
    'Невена Богданова',
    'Фатме Исмаилова',
  ],
  petrich: [
    'Виолета Стойчева',
    'Атанас Костадинов',
    'Катерина Ризова',
    'Костадин Ангелов',
    'Борис Гърков',
    'Благовеста Янева',
    'Васил Гоцев',
    'Цветанка Кьосева',
    'Методи Узунов',
    'Зорница Тасева',
  ],
  sopot: [
    'Донка Дочева',
    'Веселин Начев',
    'Галина Генова',
    'Румен Пеев',
    'Славчо Генов',
    'Марияна Ганчева',
    'Любомир Цанков',
    'Снежана Пенева',
    'Огнян Бонев',
    'Теодора Колева',
  ],
};

const usersOf = (tenant: SeedTenant): Record<StaffRole, SeededUser> =>
  Object.fromEntries(
    STAFF_ROLES.map((role, i) => [role, { sub: `${tenant}:${role}`, name: NAMES[tenant][i], tenant, roles: [role] }]),
  ) as Record<StaffRole, SeededUser>;

/**
 * One development user per staff role in each seed tenant: `SEEDED_USERS.peshtera.registrar` is
 * `{ sub: 'peshtera:registrar', name: 'Стоянка Атанасова', tenant: 'peshtera', roles: ['registrar'] }`.
 * For tests and demos with the development issuer only; a real issuer has real people.
 */
export const SEEDED_USERS: Readonly<Record<SeedTenant, Readonly<Record<StaffRole, SeededUser>>>> = Object.freeze(
  Object.fromEntries(SEED_TENANTS.map((tenant) => [tenant, Object.freeze(usersOf(tenant))])) as Record<
    SeedTenant,
    Record<StaffRole, SeededUser>
  >,
);

/** Every seeded user, flat: each seed tenant × each staff role. */
export const seededUserList = (): SeededUser[] => SEED_TENANTS.flatMap((tenant) => Object.values(SEEDED_USERS[tenant]));

export const isSeedTenant = (value: string): value is SeedTenant => (SEED_TENANTS as readonly string[]).includes(value);

/** The platform's own operator, who works for no municipality (tenant claim `platform`). */
export interface PlatformOperatorUser {
  sub: string;
  name: string;
  tenant: typeof PLATFORM_TENANT;
  roles: ['platform-operator'];
}

/** The development platform operator: runs the read-model rebuilds and watches the platform's health. */
export const PLATFORM_OPERATOR: Readonly<PlatformOperatorUser> = Object.freeze<PlatformOperatorUser>({
  sub: `${PLATFORM_TENANT}:platform-operator`,
  name: 'Веселина Маркова',
  tenant: PLATFORM_TENANT,
  roles: ['platform-operator'],
});
