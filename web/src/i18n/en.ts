import { homeEn } from '../pages/home/messages.en.ts';
import { casesEn } from '../pages/cases/messages/index.en.ts';
import { intakeEn } from '../pages/intake/messages/index.en.ts';
import { verificationEn } from '../pages/verification/messages/index.en.ts';
import { payrollEn } from '../pages/payroll/messages/index.en.ts';
import { medicalEn } from '../pages/medical/messages/index.en.ts';
import { disasterEn } from '../pages/disaster/messages/index.en.ts';
import { batchEn } from '../pages/disaster/messages/batches.en.ts';
import { insuranceEn } from '../pages/insurance/messages/index.en.ts';
import { reliefEn } from '../pages/relief-station/messages/en.ts';
import { volunteersEn } from '../pages/volunteers/messages/index.en.ts';
import { fundsEn } from '../pages/funds/messages/index.en.ts';
import { wishesEn } from '../pages/wishes/messages/index.en.ts';
import { outreachEn } from '../pages/outreach/messages/index.en.ts';
import { leftBehindEn } from '../pages/left-behind/messages/index.en.ts';
import { purchasedServicesEn } from '../pages/purchased-services/messages/index.en.ts';
import { rerateEn } from '../pages/rerate/messages.en.ts';
import { institutionsEn } from '../pages/institutions/messages/index.en.ts';
import { offlineEn } from '../pages/offline/messages.en.ts';
import { placementsEn } from '../pages/placements/messages.en.ts';
import { statsEn } from '../pages/stats/messages/index.en.ts';
import { registryEn } from '../pages/registry/messages/index.en.ts';
import { policyEn } from '../pages/policy/messages.en.ts';
import type { Messages } from './zh-CN.ts';

// Typed as Messages: a missing or extra key is a type error.
export const en: Messages = {
  'app.name': 'Jiuzhu',
  'app.title': 'Social Assistance Information System',
  'lang.switch': '中文',

  'menu.dashboard': 'Home',
  'menu.registry': 'Households',
  'menu.cases': 'Cases',
  'menu.caseload': 'Caseload import',
  'menu.intake': 'One-window intake',
  'menu.verification': 'Economic status verification',
  'menu.payroll': 'Disbursement',
  'menu.policy': 'Policy',
  'menu.stats': 'Statistics',
  'menu.areas': 'Areas',
  'menu.users': 'Users',
  'menu.audit': 'Audit',
  'menu.dci': 'Connected systems',

  'role.village_clerk': 'Village social assistance assistant',
  'role.township_caseworker': 'Township caseworker',
  'role.county_approver': 'County approver',
  'role.prefecture_admin': 'Prefecture administrator',
  'role.auditor': 'Auditor',
  'role.partner': 'Partner department',

  'level.prefecture': 'Prefecture',
  'level.county': 'County',
  'level.township': 'Township',
  'level.village': 'Village',
  'kind.functional_zone': 'Functional zone',

  'dept.education': 'Education',
  'dept.housing': 'Housing and urban-rural development',
  'dept.human_resources': 'Human resources and social security',
  'dept.medical_security': 'Medical security',
  'dept.disability_federation': "Disabled persons' federation",
  'dept.emergency_management': 'Emergency management',
  'dept.health': 'Health',
  'dept.public_security': 'Public security',
  'dept.natural_resources': 'Natural resources',
  'dept.tax': 'Taxation',

  'header.area': 'Area',
  'header.logout': 'Log out',
  'header.password': 'Change password',
  'header.openMenu': 'Open menu',
  'header.menu': 'Menu',
  'header.userMenu': 'Current user',

  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.rules': 'At least 10 characters; not a common password, not repeated or sequential characters, and not containing your user name or name',
  'password.mismatch': 'The two new passwords differ',
  'password.submit': 'Change',
  'password.success': 'Password changed; sessions on other devices have ended',

  'common.loading': 'Loading…',
  'common.loadFailed': 'Failed to load: {message}',
  'common.required': 'Please enter {field}',
  'common.nonNegative': 'Must not be negative',
  'common.unsaved.title': 'Leave this page?',
  'common.unsaved.content': 'Unsaved changes will be lost.',
  'common.unsaved.leave': 'Leave',
  'common.unsaved.stay': 'Stay',
  'common.search': 'Search',
  'common.noData': 'No data',

  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.error.invalid_credentials': 'Wrong username or password',
  'login.error.too_many_attempts': 'Too many attempts, please try again later',
  'login.error.generic': 'Sign-in failed: {message}',

  'comingSoon.title': 'Coming soon',
  'comingSoon.description': 'The “{module}” module is under construction.',

  'dashboard.welcome': 'Welcome, {name}',
  'dashboard.intro': 'Your area is {area}. Below is your work; click a card to open its list.',

  'areas.title': 'Administrative areas',
  'areas.path': 'Path',
  'areas.count.county': 'Counties',
  'areas.count.township': 'Townships',
  'areas.count.village': 'Villages',
  'areas.tree': 'Sub-areas',
  'areas.search.placeholder': 'Search areas by name or code',
  'areas.search.empty': 'No matching area',
  'areas.search.results': 'Search results',
  'areas.urban.label': 'Urban or rural',
  'areas.urban.urban': 'Urban',
  'areas.urban.rural': 'Rural',
  'areas.urban.derived': 'derived from the committee\'s name',
  'areas.urban.manual': 'set by hand',
  'areas.urban.saved': 'Urban/rural class saved',

  'users.title': 'Users',
  'users.col.username': 'Username',
  'users.col.displayName': 'Name',
  'users.col.role': 'Role',
  'users.col.area': 'Area',
  'users.col.department': 'Department',
  'users.col.password': 'Initial password',
  'users.create.title': 'New user',
  'users.create.submit': 'Create',
  'users.create.success': 'User {name} created',

  'audit.title': 'Audit log',
  'audit.col.id': 'No.',
  'audit.col.at': 'Time',
  'audit.col.actor': 'Actor',
  'audit.col.action': 'Action',
  'audit.col.entity': 'Entity',
  'audit.col.area': 'Area',
  'audit.system': 'System',
  'audit.loadMore': 'Load older entries',
  'audit.verify': 'Verify audit chain',
  'audit.verify.ok': 'Audit chain intact, {checked} entries checked',
  'audit.verify.broken': 'Audit chain broken at entry {id} ({checked} checked)',

  // Households (registry)
  ...registryEn,
  // Policy
  ...policyEn,
  ...casesEn,
  ...intakeEn,
  ...verificationEn,
  ...payrollEn,
  ...medicalEn,
  ...disasterEn,
  ...batchEn,
  ...insuranceEn,
  ...reliefEn,
  ...volunteersEn,
  ...fundsEn,
  ...purchasedServicesEn,
  ...rerateEn,
  ...wishesEn,
  ...outreachEn,
  ...leftBehindEn,
  ...institutionsEn,
  ...placementsEn,
  ...offlineEn,
  ...statsEn,
  ...homeEn,
};
