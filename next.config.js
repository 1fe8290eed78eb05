// Next.js configuration. Native and driver packages stay external so the server
// bundle loads them from node_modules at run time instead of inlining them.
/** @type {import('next').NextConfig} */
module.exports = {
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg'],
  poweredByHeader: false,
};
