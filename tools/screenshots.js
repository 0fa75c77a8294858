// Takes a screenshot of each page of a running Stepwise (with the demo loaded) in headless Chromium.
// Usage: node tools/screenshots.js http://127.0.0.1:5000 OUT_DIR   (PAGES=regex takes only the pages whose names match)
// Node and playwright-core come with the Microsoft.Playwright package in the test project's build folder:
//   PW=tests/Stepwise.Tests/bin/Debug/net10.0/.playwright
//   NODE_PATH=$PW/package $PW/node/linux-x64/node tools/screenshots.js http://127.0.0.1:5000 docs/screenshots
const { chromium } = require(process.env.PLAYWRIGHT_PACKAGE || 'index.js');
const [base = 'http://127.0.0.1:5000', out = 'screenshots'] = process.argv.slice(2);
const password = 'stepwise-demo-2026';

const journeys = [
  { as: 'helen.marsh@larkhaven.example', pages: [
    ['overview', '/'], ['schools', '/schools'], ['school', '/schools/990002'], ['school-edit', '/schools/990002/edit'],
    ['unit-new', '/schools/990002/units/new'], ['pupils', '/schools/990002/pupils'],
    ['metrics', '/schools/990001/metrics'], ['metric-chart', '/schools/990001/metrics/attendance.persistent-absence'],
    ['metric-chart-concern', '/schools/990002/metrics/attendance.overall-absence'], ['gaps', '/schools/990004/gaps'],
    ['benchmarking-overview', '/trust/overview'], ['benchmarking-position', '/benchmarking/schools/990004?measure=ks2.rwm-expected'],
    ['benchmarking-weights', '/benchmarking/weights'] ] },
  { as: 'amara.okafor@larkhaven.example', pages: [
    ['people', '/people'], ['person', '/people/4'], ['person-new', '/people/new'], ['audit', '/audit'],
    ['account', '/account'], ['two-factor', '/account/two-factor'], ['account-tokens', '/account/tokens'], ['not-found', '/schools/123456'] ] },
  // Right and safe (issue 17): a transfer between two of the trust's schools; attendance labelled with its cohort.
  { as: 'raj.patel@larkhaven.example', pages: [['pupil-transfer', '/schools/990005/pupils/transfer']] },
  { as: 'helen.marsh@larkhaven.example', pages: [['metric-cohort', '/schools/990005/metrics/attendance.overall-absence']] },
  // Starting for real (issue 18): the school at a glance as its headteacher sees it, one improving and one of concern;
  // England's and the region's recent figures beside a secondary; the overview with them; the menu of a teacher.
  { as: 'claire.dawson@larkhaven.example', pages: [['school-at-a-glance-improving', '/schools/990001']] },
  { as: 'marcus.reid@larkhaven.example', pages: [['school-at-a-glance-concern', '/schools/990002']] },
  { as: 'helen.marsh@larkhaven.example', pages: [['school-national-secondary', '/schools/990005'], ['trust-overview-national', '/trust/overview']] },
  { as: 'sophie.brennan@larkhaven.example', pages: [['menu-teacher', '/']] },
  { as: 'margaret.ellis@larkhaven.example', pages: [['governor-school', '/schools/990001'], ['governor-priority', '/priorities/1']] },
  // Cycles of enquiry (issue 19): ids are those of a freshly loaded demo (enquiry 1 reading fluency, 2 the maths network).
  { as: 'sophie.brennan@larkhaven.example', pages: [['enquiry', '/enquiries/1'], ['team-measure', '/enquiries/1/measures/2'], ['pdsa-cycle', '/enquiries/1/cycles/2']] },
  { as: 'claire.dawson@larkhaven.example', pages: [['learning-team', '/teams/2'], ['whole-school-programme', '/schools/990001/programme'],
    ['metric-with-cycles', '/schools/990001/metrics/assessment.reading.expected']] },
  { as: 'helen.marsh@larkhaven.example', pages: [['enquiries-trust-view', '/enquiries'], ['enquiry-network', '/enquiries/2']] },
  // Rounds, peer reviews, coaching and the shared language (issue 20): ids are those of a freshly loaded demo
  // (round 1 Larkhaven's closed round, round 2 the network round at its debrief; peer review 1 Brackenmoor's, completed).
  { as: 'claire.dawson@larkhaven.example', pages: [['round-debrief', '/rounds/1/debrief'], ['round-network-debrief', '/rounds/2/debrief'],
    ['school-rounds', '/schools/990001/rounds'], ['coaching-school', '/schools/990001/coaching'], ['school-improvement-model', '/schools/990001/improvement-model']] },
  { as: 'marcus.reid@larkhaven.example', pages: [['peer-review-beside-self-evaluation', '/schools/990002/self-evaluation'], ['peer-review-moderation', '/schools/990002/self-evaluation/moderation']] },
  { as: 'helen.marsh@larkhaven.example', pages: [['peer-review', '/peer-reviews/1'], ['coaching-overview', '/coaching/overview'], ['language', '/language']] },
  { as: 'sophie.brennan@larkhaven.example', pages: [['coaching-mine', '/coaching']] },
  { as: 'margaret.ellis@larkhaven.example', pages: [['round-debrief-governor', '/rounds/1/debrief']] },
  // The improvement loop (issue 6): ids are those of a freshly loaded demo.
  { as: 'claire.dawson@larkhaven.example', pages: [
    ['self-evaluation', '/schools/990001/self-evaluation'], ['self-evaluation-area', '/schools/990001/self-evaluation/areas/4'],
    ['self-evaluation-summary', '/schools/990001/self-evaluation/summary'], ['stage-timeline', '/schools/990001/stages'], ['stage-unit', '/units/14/stage'],
    ['plan', '/plans/1'], ['plan-on-a-page', '/plans/1/on-a-page'], ['priority', '/priorities/1'],
    // Listening and acting (issue 7): a visit finding on its way into the plan; priority 1's breakfast club action was prompted by visit 2.
    ['you-said-we-did', '/schools/990001/you-said-we-did?visit=2'] ] },
  { as: 'helen.marsh@larkhaven.example', pages: [
    ['moderation', '/schools/990002/self-evaluation/moderation'], ['stages-trust', '/stages'], ['plan-on-a-page-concern', '/plans/2/on-a-page'],
    ['plan-on-a-page-stale', '/plans/3/on-a-page'], ['frameworks', '/frameworks'], ['trust-overview-improvement', '/trust/overview'] ] },
  // Trust reviews, support and the practice library (issue 22): need 1 is Brackenmoor's reading need.
  { as: 'helen.marsh@larkhaven.example', pages: [
    ['review-calendar', '/reviews'], ['school-risk', '/schools/990002/risk'], ['review-policy', '/reviews/policy'], ['review', '/reviews/1'],
    ['support-suggestions', '/support/needs/1'], ['support', '/support'], ['support-episode', '/support/episodes/1'],
    ['trust-overview-risk', '/trust/overview?sort=risk'], ['trust-self-evaluation', '/trust/self-evaluation'] ] },
  { as: 'marcus.reid@larkhaven.example', pages: [['practice-library', '/practice'], ['practice-need-search', '/practice?area=curriculum-and-teaching']] },
];

// A data manager's upload: a large file caught while it is being checked, its report, and the import history.
async function uploads(browser) {
  const fs = require('fs'), os = require('os'), path = require('path');
  const big = path.join(os.tmpdir(), 'stepwise-attendance-autumn.csv');
  const lines = ['UPN,Period,Possible,Present,Authorised,Unauthorised'];
  for (let i = 0; i < 400000; i++) lines.push(`K${String(10000000000 + i).padStart(11, '0')}${i % 10},2025/26 HT1,70,${i % 7 === 0 ? 'sixty' : 66},4,0`);
  fs.writeFileSync(big, lines.join('\n') + '\n');
  const page = await signIn(browser, 'raj.patel@larkhaven.example');
  await page.goto('/schools/990001/imports');
  await page.getByLabel('What the file holds').selectOption('attendance');
  await page.getByLabel('CSV file').setInputFiles(big);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.waitForSelector('progress');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${out}/import-progress.png` });
  await page.waitForSelector('.facts', { timeout: 120000 });
  await page.screenshot({ path: `${out}/import-report.png` });
  await page.goto('/schools/990001/imports');
  await page.screenshot({ path: `${out}/imports.png`, fullPage: true });
  fs.unlinkSync(big);
}

async function signIn(browser, email) {
  const page = await browser.newPage({ baseURL: base, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(u => !u.pathname.startsWith('/sign-in'));
  return page;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const anonymous = await browser.newPage({ baseURL: base, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await anonymous.goto('/sign-in');
  await anonymous.screenshot({ path: `${out}/sign-in.png`, fullPage: true });
  for (const journey of journeys) {
    const page = await browser.newPage({ baseURL: base, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(journey.as);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(u => !u.pathname.startsWith('/sign-in'));
    for (const [name, path] of journey.pages) {
      if (process.env.PAGES && !new RegExp(process.env.PAGES).test(name)) continue; // PAGES=regex: just those shots
      await page.goto(path);
      await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    }
  }
  if (!process.env.PAGES && (!process.env.ONLY || process.env.ONLY === 'uploads')) await uploads(browser);
  const phone = await browser.newPage({ baseURL: base, viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  await phone.goto('/sign-in');
  await phone.getByLabel('Email address').fill('claire.dawson@larkhaven.example');
  await phone.getByLabel('Password').fill(password);
  await phone.getByRole('button', { name: 'Sign in' }).click();
  await phone.waitForURL(u => !u.pathname.startsWith('/sign-in'));
  await phone.screenshot({ path: `${out}/overview-phone.png`, fullPage: true });
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
