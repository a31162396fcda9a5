/**
 * The words of the generated cases: people, places and what they write, in Bulgarian (and a little English),
 * put together from small lists by the seeded generator. Made up: any likeness to a real person is chance.
 * The ordinary texts avoid the screening word lists; `flagged` adds a passage that screening must catch.
 */
import type { Kind, Language } from '@civic/domain';
import type { Random } from './random';

const MALE_FIRST = [
  'Георги',
  'Иван',
  'Димитър',
  'Николай',
  'Петър',
  'Христо',
  'Стоян',
  'Тодор',
  'Васил',
  'Атанас',
  'Калоян',
  'Мартин',
  'Любомир',
  'Емил',
  'Борислав',
  'Кирил',
  'Ангел',
  'Йордан',
  'Стефан',
  'Росен',
];
const FEMALE_FIRST = [
  'Мария',
  'Елена',
  'Иванка',
  'Десислава',
  'Гергана',
  'Пенка',
  'Надежда',
  'Радка',
  'Светла',
  'Йорданка',
  'Цветелина',
  'Милена',
  'Даниела',
  'Антоанета',
  'Веселина',
  'Снежана',
  'Галина',
  'Теодора',
  'Силвия',
  'Катя',
];
const FAMILY = [
  'Петров',
  'Иванов',
  'Георгиев',
  'Димитров',
  'Николов',
  'Стоянов',
  'Христов',
  'Тодоров',
  'Илиев',
  'Ангелов',
  'Атанасов',
  'Костадинов',
  'Маринов',
  'Колев',
  'Павлов',
  'Василев',
  'Йорданов',
  'Стефанов',
  'Младенов',
  'Кръстев',
];
const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
};
const STREETS = [
  'Васил Левски',
  'Христо Ботев',
  'Г. С. Раковски',
  'Александър Стамболийски',
  'Цар Освободител',
  'Иван Вазов',
  'Хаджи Димитър',
  'Любен Каравелов',
  'Никола Вапцаров',
  'Стефан Караджа',
  'Шипка',
  'Родопи',
  'Славянска',
  'Гурко',
  'Опълченска',
  'Шести септември',
  'Пирин',
  'Преспа',
  'Възраждане',
  'Братя Миладинови',
];
const PLACES = [
  'до училището',
  'пред детската градина',
  'до автобусната спирка',
  'в междублоковото пространство',
  'до пазара',
  'пред читалището',
  'до парка',
  'на кръстовището',
  'зад поликлиниката',
  'до стадиона',
];
const PLACES_EN = [
  'next to the school',
  'in front of the kindergarten',
  'by the bus stop',
  'between the blocks of flats',
  'by the market',
  'in front of the community centre',
  'by the park',
  'at the crossroads',
  'behind the clinic',
  'by the stadium',
];
const MAIL_HOSTS = ['abv.bg', 'gmail.com', 'mail.bg', 'yahoo.com', 'dir.bg'];

/** What people write about, by category: a problem, and what they ask for. */
const PROBLEMS: Record<string, { bg: string[]; en: string[] }> = {
  'waste-cleanliness': {
    bg: [
      'контейнерите за смет не са извозвани повече от седмица',
      'има нерегламентирано сметище с строителни отпадъци',
      'улицата не е почистена след пазарния ден',
      'кофите за разделно събиране са препълнени',
      'от месеци никой не коси тревните площи',
    ],
    en: [
      'the rubbish bins have not been emptied for over a week',
      'there is an illegal dump of building waste',
      'the street was not cleaned after market day',
      'the recycling bins are overflowing',
      'nobody has mown the grass for months',
    ],
  },
  'roads-lighting': {
    bg: [
      'има дълбока дупка на пътното платно',
      'уличното осветление не работи от две седмици',
      'тротоарът е разбит и е опасен за пешеходци',
      'липсва пътен знак след ремонта',
      'шахтата е без капак',
    ],
    en: [
      'there is a deep pothole in the road',
      'the street lights have been out for two weeks',
      'the pavement is broken and dangerous for pedestrians',
      'a road sign is missing since the repairs',
      'a manhole has no cover',
    ],
  },
  'construction-planning': {
    bg: [
      'съседът строи без видимо разрешение',
      'оградата на строежа заема целия тротоар',
      'сградата е в лошо състояние и от нея падат мазилки',
      'строителните работи продължават след 22 часа',
      'не е ясно кога ще бъде одобрен подробният устройствен план',
    ],
    en: [
      'a neighbour is building without a visible permit',
      'the building site fence takes up the whole pavement',
      'the building is in poor repair and plaster is falling off',
      'building works go on after 10 pm',
      'it is unclear when the detailed development plan will be approved',
    ],
  },
  'municipal-property': {
    bg: [
      'общинското помещение стои празно и се руши',
      'детската площадка е с изпочупени съоръжения',
      'търгът за наем на терена не е обявен',
      'пейките в парка са счупени',
      'общинската сграда няма достъп за хора с увреждания',
    ],
    en: [
      'the municipal premises stand empty and fall apart',
      'the playground equipment is broken',
      'the tender to let the plot has not been announced',
      'the benches in the park are broken',
      'the municipal building has no access for disabled people',
    ],
  },
  'local-taxes': {
    bg: [
      'получих съобщение за данък, който вече съм платил',
      'таксата за битови отпадъци е изчислена неправилно',
      'не мога да платя данъка онлайн',
      'не получих отговор на искането за разсрочване',
      'в удостоверението за данъчна оценка има грешка',
    ],
    en: [
      'I received a tax notice for a tax I have already paid',
      'the waste fee has been calculated wrongly',
      'I cannot pay the tax online',
      'my request to pay in instalments got no reply',
      'there is a mistake in the tax assessment certificate',
    ],
  },
  'social-services': {
    bg: [
      'възрастната ми съседка не получава обяд от домашния социален патронаж',
      'дневният център е затворен без обяснение',
      'личният асистент не идва в уговорените часове',
      'няма места в детската ясла',
      'трапезарията за възрастни хора има нужда от ремонт',
    ],
    en: [
      'my elderly neighbour no longer gets lunch from the home care service',
      'the day centre is closed without explanation',
      'the personal assistant does not come at the agreed hours',
      'there are no places in the nursery',
      'the canteen for elderly people needs repairs',
    ],
  },
  'administrative-service': {
    bg: [
      'чаках повече от час на гишето за удостоверения',
      'служителят не ми даде информация какви документи са нужни',
      'електронната услуга не работи',
      'удостоверението беше издадено със закъснение',
      'работното време на центъра за услуги е неудобно',
    ],
    en: [
      'I waited over an hour at the certificates desk',
      'the clerk gave me no information about the documents needed',
      'the online service does not work',
      'the certificate was issued late',
      'the opening hours of the service centre are inconvenient',
    ],
  },
  general: {
    bg: [
      'кучета без стопани се събират в квартала',
      'шумът от заведението пречи на живущите',
      'липсва информация за културните прояви',
      'автобусът не спира на обявената спирка',
      'паркирането пред входовете затруднява движението',
    ],
    en: [
      'stray dogs gather in the neighbourhood',
      'the noise from the bar disturbs the residents',
      'there is no information about cultural events',
      'the bus does not stop at the announced stop',
      'cars parked in front of the entrances block the traffic',
    ],
  },
  corruption: {
    bg: [
      'при проверката служител намекна, че нещата могат да се уредят по-бързо срещу услуга',
      'поръчката за ремонт е възложена на фирма без търг',
      'има съмнение за нередности при разпределението на общински помощи',
    ],
    en: [
      'during the inspection an official hinted that things could go faster in return for a favour',
      'the repair contract was awarded to a company without a tender',
      'there are doubts about irregularities in the allocation of municipal aid',
    ],
  },
  'public-information': {
    bg: [
      'моля да ми бъдат предоставени договорите за зимно поддържане',
      'моля за копие от протокола от последната сесия на общинския съвет',
      'моля за информация колко средства са изразходвани за ремонт на улиците',
      'моля за списъка на издадените разрешения за строеж през годината',
    ],
    en: [
      'please provide the contracts for winter road maintenance',
      'please send a copy of the minutes of the last council session',
      'please tell me how much was spent on street repairs',
      'please provide the list of building permits issued this year',
    ],
  },
};

const ASKS = {
  bg: [
    'Моля за проверка и съдействие.',
    'Моля да бъдат взети мерки.',
    'Очаквам отговор в законовия срок.',
    'Надявам се проблемът да бъде решен скоро.',
    'Моля да бъда уведомен какво е предприето.',
  ],
  en: [
    'Please look into it.',
    'Please take action.',
    'I expect an answer within the legal term.',
    'I hope the problem will be solved soon.',
    'Please let me know what has been done.',
  ],
};

const OPENINGS: Partial<Record<Kind, { bg: string[]; en: string[] }>> = {
  proposal: { bg: ['Предлагам', 'Бих искал да предложа'], en: ['I propose', 'I would like to suggest'] },
  praise: { bg: ['Искам да благодаря'], en: ['I would like to thank'] },
  opinion: { bg: ['Моето мнение е, че'], en: ['In my opinion'] },
  recommendation: { bg: ['Препоръчвам'], en: ['I recommend'] },
  question: { bg: ['Бих искал да попитам'], en: ['I would like to ask'] },
};

const PROPOSALS = {
  bg: [
    'да се поставят повече кошчета в центъра',
    'да се обособи велоалея по главната улица',
    'да се засадят дървета в квартала',
    'кметството да има приемен ден и в събота',
    'да се направи детска площадка в новия квартал',
  ],
  en: [
    'to put more litter bins in the centre',
    'to mark a cycle lane along the main street',
    'to plant trees in the neighbourhood',
    'to open the town hall on Saturdays too',
    'to build a playground in the new district',
  ],
};
const PRAISE = {
  bg: [
    'на служителите от центъра за услуги за бързото обслужване',
    'на екипа, който ремонтира улицата за една седмица',
    'на социалните работници за грижата към възрастните хора',
  ],
  en: [
    'the staff of the service centre for the quick service',
    'the team that repaired the street within a week',
    'the social workers for their care for the elderly',
  ],
};
const QUESTIONS = {
  bg: [
    'кога ще започне ремонтът на улицата',
    'какви документи са нужни за удостоверение за наследници',
    'до кога може да се плати данъкът с отстъпка',
  ],
  en: [
    'when the street repairs will start',
    'which documents are needed for a certificate of heirs',
    'until when the tax can be paid with a discount',
  ],
};

/** Passages the screening word lists catch, one per flag the mix asks for. */
export const FLAGGED_PASSAGES = {
  offensive: { bg: 'Служителите са пълни идиоти и некадърници.', en: 'The staff are complete idiots.' },
  personalData: { bg: 'Прилагам и ЕГН-то на съседа, за да го откриете.', en: 'I attach my neighbour’s EGN so you can find him.' },
  classified: {
    bg: 'Знам, че това е секретна информация, но трябва да се знае.',
    en: 'I know it is classified information, but it must be known.',
  },
  corruption: { bg: 'Искаха ми подкуп, за да ускорят преписката.', en: 'They asked me for a bribe to speed up the file.' },
} as const;
export type FlaggedPassage = keyof typeof FLAGGED_PASSAGES;

const street = (rng: Random) => `ул. „${rng.pick(STREETS)}“ №${rng.int(1, 120)}`;

export interface Person {
  name: string;
  email?: string;
  phone?: string;
  address?: string;
}

/** A made-up person: a full name, and the contacts the mix gives them. */
export function person(rng: Random, town: string, contacts: { email: boolean; phone: boolean; address: boolean }): Person {
  const female = rng.chance(0.5);
  const first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
  const family = rng.pick(FAMILY) + (female ? 'а' : '');
  const latin = (text: string) => [...text.toLowerCase()].map((c) => LATIN[c] ?? c).join('');
  return {
    name: `${first} ${family}`,
    ...(contacts.email ? { email: `${latin(first)}.${latin(family)}${rng.int(1, 999)}@${rng.pick(MAIL_HOSTS)}` } : {}),
    ...(contacts.phone ? { phone: `+359 8${rng.pick(['7', '8', '9'])} ${rng.int(100, 999)} ${rng.int(1000, 9999)}` } : {}),
    ...(contacts.address ? { address: `${town}, ${street(rng)}` } : {}),
  };
}

/** Only a first name: screening counts such a person as anonymous. */
export const firstNameOnly = (rng: Random): string => rng.pick(rng.chance(0.5) ? FEMALE_FIRST : MALE_FIRST);

/** The submission's text: 2–5 sentences about the category, in the case's language. */
export function submissionText(rng: Random, kind: Kind, category: string, language: Language, flagged: FlaggedPassage | null): string {
  const problems = PROBLEMS[category] ?? PROBLEMS.general;
  const where =
    language === 'bg' ? `${street(rng)}, ${rng.pick(PLACES)}` : `${rng.pick(STREETS)} St. ${rng.int(1, 120)}, ${rng.pick(PLACES_EN)}`;
  const opening = OPENINGS[kind];
  const sentences: string[] = [];
  if (kind === 'proposal' || kind === 'recommendation') {
    sentences.push(`${rng.pick(opening?.[language] ?? [''])} ${rng.pick(PROPOSALS[language])}.`);
    sentences.push(language === 'bg' ? `Сега на ${where} ${rng.pick(problems.bg)}.` : `At present at ${where} ${rng.pick(problems.en)}.`);
  } else if (kind === 'praise') {
    sentences.push(`${rng.pick(opening?.[language] ?? [''])} ${rng.pick(PRAISE[language])}.`);
  } else if (kind === 'question') {
    sentences.push(`${rng.pick(opening?.[language] ?? [''])} ${rng.pick(QUESTIONS[language])}.`);
  } else if (kind === 'opinion') {
    sentences.push(`${rng.pick(opening?.[language] ?? [''])} ${rng.pick(problems[language])} (${where}).`);
  } else if (kind === 'public-information-request') {
    const asked = PROBLEMS['public-information'][language];
    sentences.push(`${capital(rng.pick(asked))}.`);
    sentences.push(language === 'bg' ? 'Предпочитам информацията по електронна поща.' : 'I prefer to receive it by e-mail.');
  } else {
    sentences.push(language === 'bg' ? `На ${where} ${rng.pick(problems.bg)}.` : `At ${where} ${rng.pick(problems.en)}.`);
    if (rng.chance(0.6)) sentences.push(language === 'bg' ? `Освен това ${rng.pick(problems.bg)}.` : `Besides, ${rng.pick(problems.en)}.`);
    sentences.push(language === 'bg' ? `Проблемът продължава от ${rng.int(2, 30)} дни.` : `This has gone on for ${rng.int(2, 30)} days.`);
  }
  if (flagged) sentences.push(FLAGGED_PASSAGES[flagged][language]);
  if (kind !== 'praise' && kind !== 'opinion') sentences.push(rng.pick(ASKS[language]));
  return sentences.join(' ');
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The officer's written answer. */
export function answerText(rng: Random, language: Language, registryNumber: string): string {
  const bg = [
    `Във връзка с Ваша преписка ${registryNumber} Ви уведомяваме, че е извършена проверка на място.`,
    rng.pick([
      'Нередността е отстранена и ще продължим да следим за нея.',
      'Възложени са ремонтни работи, които ще приключат до края на месеца.',
      'Случаят е предаден на отговорната фирма с указание за действия.',
      'Предложението Ви ще бъде обсъдено при подготовката на бюджета за следващата година.',
      'Исканата информация Ви се предоставя в приложение към този отговор.',
    ]),
    'Благодарим Ви за сигнала.',
  ];
  const en = [
    `Regarding your case ${registryNumber}, an inspection was carried out on site.`,
    rng.pick([
      'The problem has been fixed and we will keep an eye on it.',
      'Repair works have been ordered and will be finished by the end of the month.',
      'The matter was passed to the responsible contractor with instructions.',
      "Your proposal will be considered when next year's budget is prepared.",
      'The information you asked for is attached to this answer.',
    ]),
    'Thank you for writing to us.',
  ];
  return (language === 'bg' ? bg : en).join(' ');
}

export const MISSING = [
  'Моля, посочете точния адрес или местоположение.',
  'Моля, приложете снимка на проблема.',
  'Моля, уточнете за кой период се отнася искането.',
  'Моля, посочете номера на данъчната партида.',
];
export const REPLIES = [
  'Адресът е ул. „Шипка“ №14, срещу аптеката.',
  'Прилагам снимка, направена вчера.',
  'Искането се отнася за последните две години.',
  'Партидата е на името на майка ми.',
];
export const EXTENSION_REASONS = [
  'Необходима е проверка на място с участието на външна фирма.',
  'Изискано е становище от друга институция.',
  'Исканата информация е в голям обем и се подготвя.',
];
export const REASSIGN_REASONS = [
  'Служителят е в отпуск.',
  'Преписката изисква специалист по друга тема.',
  'Преразпределение на натовареността.',
];
export const REDIRECTS = [
  { authority: 'РИОСВ', reason: 'Въпросът е от компетентността на регионалната инспекция по околната среда и водите.' },
  { authority: 'РЗИ', reason: 'Въпросът е от компетентността на регионалната здравна инспекция.' },
  { authority: 'ОДМВР', reason: 'Случаят е от компетентността на полицията.' },
  { authority: 'ВиК', reason: 'Авариите по водопровода са от компетентността на ВиК дружеството.' },
  { authority: 'Областна администрация', reason: 'Имотът е държавна собственост.' },
];
export const WITHDRAWAL_REASONS = ['Проблемът вече е решен.', 'Подадох го по погрешка.', 'Ще се обърна към друга институция.'];
export const REOPEN_REASONS = ['Проблемът се появи отново.', 'Отговорът не обхваща всички въпроси от сигнала.'];
export const ACCEPT_REASONS = [
  'Текстът съдържа достатъчно данни за проверка.',
  'Разглежда се по същество.',
  'Подателят е установен по телефона.',
];
export const NO_PROCEEDINGS_REASONS = {
  anonymous: 'Анонимно подаване без заплаха за здравето или сигурността.',
  'time-barred': 'Нарушението е извършено преди повече от две години.',
  'offensive-language': 'Текстът съдържа обидни изрази.',
  'personal-or-classified-information': 'Отговорът би разкрил защитена информация.',
} as const;
export const RATING_COMMENTS = [
  'Бърз и ясен отговор.',
  'Проблемът е решен, благодаря.',
  'Отговорът дойде късно.',
  'Нищо не се промени.',
  'Любезни служители.',
];
export const RECOMMENDATIONS = ['Повече информация на сайта.', 'Онлайн плащане на всички такси.', 'По-дълго работно време в събота.'];
export const MAIL_FAILURES = ['550 5.1.1 <{to}>: Recipient address rejected: User unknown', '452 4.2.2 <{to}>: Mailbox full'];
