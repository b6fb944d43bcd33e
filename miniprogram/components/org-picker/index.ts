/**
 * Choose organisations from the public directory (org.directory): a committee first, then the
 * organisations under it, a page at a time. One choice (a transfer's target branch) or several
 * (an alliance's partners, possibly under different committees). Emits `change` with
 * `{ orgs: ChosenOrg[] }` after every change.
 */
import type { OrgView } from '../../../src/contract';
import { errorMessage } from '../../services/api';
import { listDirectory } from '../../services/branch';
import { orgKindText } from '../../utils/org-labels';
import { PagedList } from '../../utils/paged-list';

export interface ChosenOrg {
  id: string;
  name: string;
}

interface CommitteeChip {
  id: string;
  name: string;
  className: string;
}

interface OrgRow {
  id: string;
  name: string;
  meta: string;
  checked: boolean;
  className: string;
}

interface Lists {
  committees: PagedList<OrgView, CommitteeChip>;
  orgs: PagedList<OrgView, OrgRow> | null;
}

/** Per component instance; WeChat gives components no typed place of their own for these. */
const lists = new WeakMap<object, Lists>();

const rowClass = (checked: boolean): string => (checked ? 'org-picker__org org-picker__org--on' : 'org-picker__org');

function orgRow(org: OrgView, chosen: readonly ChosenOrg[]): OrgRow {
  const checked = chosen.some((c) => c.id === org.id);
  return { id: org.id, name: org.name, meta: orgKindText(org), checked, className: rowClass(checked) };
}

Component({
  properties: {
    multiple: { type: Boolean, value: false },
    /** Only branches can take members (a transfer); partners of any kind can pair. */
    branchesOnly: { type: Boolean, value: false },
    /** The caller's own organisation, which is never offered. */
    excludeId: { type: String, value: '' },
  },
  data: {
    committeesStatus: 'loading',
    committeesError: '',
    committees: [] as CommitteeChip[],
    committeesFooter: PagedList.footer(false, 0),
    committeeId: '',
    orgsStatus: 'idle',
    orgsError: '',
    orgs: [] as OrgRow[],
    orgsFooter: PagedList.footer(false, 0),
    chosen: [] as ChosenOrg[],
  },
  lifetimes: {
    attached() {
      const committees = new PagedList<OrgView, CommitteeChip>(
        this,
        'committees',
        (offset) => listDirectory(null, offset),
        (org) => ({ id: org.id, name: org.name, className: 'chip' }),
      );
      lists.set(this, { committees, orgs: null });
      void this.loadCommittees();
    },
  },
  methods: {
    async loadCommittees() {
      const own = lists.get(this);
      if (!own) return;
      this.setData({ committeesStatus: 'loading' });
      try {
        const patch = await own.committees.reload();
        if (patch) this.setData({ ...patch, committeesStatus: 'ready' });
      } catch (err) {
        this.setData({ committeesStatus: 'error', committeesError: errorMessage(err) });
      }
    },
    onMoreCommittees() {
      void lists.get(this)?.committees.more();
    },
    onCommittee(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const own = lists.get(this);
      const { id } = e.currentTarget.dataset;
      if (!own || id === this.data.committeeId) return;
      const chips = own.committees.loaded.map((org) => ({
        id: org.id,
        name: org.name,
        className: org.id === id ? 'chip chip--on' : 'chip',
      }));
      const { branchesOnly, excludeId } = this.properties;
      const keep = (org: OrgView): boolean => org.id !== excludeId && (!branchesOnly || org.kind === 'branch');
      own.orgs = new PagedList<OrgView, OrgRow>(
        this,
        'orgs',
        // Filtering a page client-side can leave it short; 加载更多 still reaches every one.
        async (offset) => {
          const page = await listDirectory(id, offset);
          return { ...page, items: page.items.filter(keep) };
        },
        (org) => orgRow(org, this.data.chosen),
      );
      this.setData({ committeeId: id, committees: chips, orgsStatus: 'loading' });
      void this.loadOrgs();
    },
    async loadOrgs() {
      const orgs = lists.get(this)?.orgs;
      if (!orgs) return;
      try {
        const patch = await orgs.reload();
        if (!patch) return;
        const rows = patch.orgs as OrgRow[];
        this.setData({ ...patch, orgsStatus: rows.length > 0 ? 'ready' : 'empty' });
      } catch (err) {
        this.setData({ orgsStatus: 'error', orgsError: errorMessage(err) });
      }
    },
    onRetryOrgs() {
      this.setData({ orgsStatus: 'loading' });
      void this.loadOrgs();
    },
    onMoreOrgs() {
      void lists.get(this)?.orgs?.more();
    },
    onOrg(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const orgs = lists.get(this)?.orgs;
      const org = orgs?.loaded[e.currentTarget.dataset.index];
      if (!orgs || !org) return;
      const isChosen = this.data.chosen.some((c) => c.id === org.id);
      const picked = { id: org.id, name: org.name };
      const chosen = isChosen
        ? this.data.chosen.filter((c) => c.id !== org.id)
        : this.properties.multiple
          ? [...this.data.chosen, picked]
          : [picked];
      this.choose(chosen);
    },
    onUnchoose(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const { id } = e.currentTarget.dataset;
      this.choose(this.data.chosen.filter((c) => c.id !== id));
    },
    /** New choice: only the rows whose mark changed are sent. */
    choose(chosen: ChosenOrg[]) {
      const patch: Record<string, unknown> = { chosen };
      this.data.orgs.forEach((row, i) => {
        const checked = chosen.some((c) => c.id === row.id);
        if (checked !== row.checked) {
          patch[`orgs[${i}].checked`] = checked;
          patch[`orgs[${i}].className`] = rowClass(checked);
        }
      });
      this.setData(patch);
      this.triggerEvent('change', { orgs: chosen });
    },
  },
});
