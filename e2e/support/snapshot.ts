// A full-page screenshot attached to the test's report, for looking at what a spec saw.
import type { Page, TestInfo } from '@playwright/test';

export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
