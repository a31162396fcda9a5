export { screen } from './screen';
export { cited } from './types';
export type {
  DuplicateSuggestion,
  FlagCode,
  OpenCase,
  ReasonCode,
  ScreeningFlag,
  ScreeningInput,
  ScreeningOutcome,
  ScreeningReason,
  ScreeningResult,
  Submitter,
} from './types';
export {
  anonymityPolicySchema,
  flagRuleSchema,
  REACHABLE_BY,
  screeningPolicySchema,
  type AnonymityPolicy,
  type FlagRule,
  type ReachableBy,
  type ScreeningPolicy,
} from './policy';
export { missingIdentity, type IdentityPart } from './anonymity';
export { timeBar, type TimeBar } from './limitation';
export { comparisonKeys, keySimilarity, probableDuplicates, similarity as textSimilarity } from './duplicates';
export { textFlags } from './text-flags';
export { ALL_EXCLUSIONS, flagApplies } from './exclusions';
export { wordListSchema, wordMatcher, wordPatternSchema, type WordList, type WordMatcher } from './word-list';
export { BASE_WORD_LISTS, TEXT_FLAG_CODES, type TextFlagCode } from './wordlists';
