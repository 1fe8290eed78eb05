// Defence in depth behind proxy.ts, checked from the file tree so new files are covered: every
// page (but /login) asks for a session itself, and every exported server action asks who is
// calling before it does anything.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const appDir = path.resolve(__dirname);
const publicPages = new Set(['login/page.tsx']);
const publicActionFiles = new Set(['login/actions.ts']);
const pageGuards = new Set(['requireUser', 'requireAdmin']);
const actionGuards = new Set(['adminForAction', 'getCurrentUser']);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = filesUnder(appDir).map((file) => {
  const relative = path.relative(appDir, file).split(path.sep).join('/');
  return { relative, source: ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true) };
});

function callsOneOf(node: ts.Node, names: Set<string>): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && names.has(n.expression.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function isUseServerFile(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use server';
}

/** Exported functions (declarations or `export const x = async () => …`) with their bodies; other value exports as null. */
function exportedFunctions(source: ts.SourceFile): { name: string; body: ts.Node | null }[] {
  const out: { name: string; body: ts.Node | null }[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      out.push({ name: statement.name?.text ?? 'default', body: statement.body ?? null });
    } else if (ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer;
        const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : null;
        out.push({ name: d.name.getText(source), body: fn?.body ?? null });
      }
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      // `export { x }` hides what x does from this check; server action files export functions directly.
      out.push({ name: statement.getText(source), body: null });
    } else if (ts.isExportAssignment(statement)) {
      out.push({ name: 'default', body: null });
    }
  }
  return out;
}

/** The page component: `export default function …`, or the function an `export default Name` names. */
function defaultExportBody(source: ts.SourceFile): ts.Node | null {
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) return statement.body ?? null;
  }
  const assignment = source.statements.find(ts.isExportAssignment);
  if (!assignment || !ts.isIdentifier(assignment.expression)) return null;
  const name = assignment.expression.text;
  const declaration = source.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === name);
  return declaration && ts.isFunctionDeclaration(declaration) ? (declaration.body ?? null) : null;
}

describe('every page checks the session itself', () => {
  const pages = sources.filter((s) => /(^|\/)page\.tsx$/.test(s.relative));

  it('finds the pages', () => {
    expect(pages.map((p) => p.relative)).toEqual(expect.arrayContaining(['(overview)/page.tsx', 'alerts/page.tsx', 'login/page.tsx', 'settings/users/page.tsx']));
  });

  for (const { relative, source } of pages.filter((p) => !publicPages.has(p.relative))) {
    it(`app/${relative} calls requireUser() or requireAdmin() in its page component`, () => {
      const body = defaultExportBody(source);
      expect(body, 'no default-exported page function found').not.toBeNull();
      expect(body && callsOneOf(body, pageGuards)).toBe(true);
    });
  }
});

describe('every server action asks who is calling', () => {
  const actionFiles = sources.filter((s) => isUseServerFile(s.source) || /(^|\/)actions\.ts$/.test(s.relative));

  it('finds the action files', () => {
    expect(actionFiles.map((f) => f.relative)).toEqual(expect.arrayContaining(['alerts/actions.ts', 'keys/[fingerprint]/actions.ts', 'settings/users/actions.ts']));
  });

  for (const { relative, source } of actionFiles.filter((f) => !publicActionFiles.has(f.relative))) {
    it(`app/${relative} is a 'use server' file whose every export calls adminForAction() or getCurrentUser()`, () => {
      expect(isUseServerFile(source)).toBe(true);
      const unguarded = exportedFunctions(source)
        .filter((f) => !f.body || !callsOneOf(f.body, actionGuards))
        .map((f) => f.name);
      expect(unguarded).toEqual([]);
    });
  }
});
