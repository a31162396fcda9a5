/** A small page for a sign-in that cannot go on, in both languages, with a way to start again. */
export function signInProblemPage(reason: { bg: string; en: string }): string {
  return `<!doctype html>
<html lang="bg"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Влизането не успя · Sign-in failed</title></head>
<body><main>
<h1>Влизането не успя</h1><p>${reason.bg}</p><p><a href="/auth/login">Опитайте отново</a></p>
<div lang="en"><h2>Sign-in failed</h2><p>${reason.en}</p><p><a href="/auth/login">Try again</a></p></div>
</main></body></html>`;
}
