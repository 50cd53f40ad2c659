/**
 * The printable 办事指南 of one case, laid out from the same Guide data the screen shows (services/rules/guides.ts),
 * so the paper and the screen cannot drift apart. Each condition carries its seed clause in small print.
 */
import type { Guide, GuideItem } from '../../shared/rules';
import { renderPdf } from './pdf';

function section(title: string): object {
  return { text: title, style: 'h2', margin: [0, 12, 0, 4] };
}

function items(list: readonly GuideItem[]): object[] {
  return list.map((it, i) => ({
    stack: [
      { text: `${i + 1}. ${it.title}` },
      { text: `依据原文：${it.clause}`, style: 'clause' },
    ],
    margin: [0, 0, 0, 4],
    // A condition and its quoted clause stay together on one page.
    unbreakable: true,
  }));
}

export function guideDocument(g: Guide, printedAt: string): Record<string, unknown> {
  const content: object[] = [
    { text: g.centerName, alignment: 'center', fontSize: 12 },
    { text: g.title, style: 'h1', alignment: 'center', margin: [0, 4, 0, 2] },
    { text: `${g.kind === 'withdrawal' ? '住房公积金提取' : '住房公积金贷款'} · ${g.group} · 政策执行日期 ${g.asOf}`, alignment: 'center', style: 'small' },
    section('办理依据'),
    { text: g.basis.clause },
  ];
  if (g.conditions.length) content.push(section('申请条件'), ...items(g.conditions));
  if (g.timeLimits.length) content.push(section('申请时限'), ...items(g.timeLimits));
  if (g.amountLimits.length) content.push(section('可提取（贷款）额度'), ...items(g.amountLimits));
  content.push(
    section('所需材料'),
    {
      table: {
        headerRows: 1,
        // No row split across a page boundary; the header row repeats on the next page.
        dontBreakRows: true,
        widths: [24, '*', 140],
        body: [
          [{ text: '序号', style: 'th' }, { text: '材料', style: 'th' }, { text: '适用情形', style: 'th' }],
          ...g.materials.map((m, i) => [String(i + 1), m.text, m.when ?? '所有申请人']),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  );
  if (g.procedures.length) {
    content.push(section('办理流程'));
    for (const p of g.procedures) {
      if (g.procedures.length > 1) content.push({ text: p.title, bold: true, margin: [0, 4, 0, 2] });
      content.push({ ol: p.steps.map((s) => s.text) });
    }
  }
  content.push(section('办理地点及咨询'), {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [120, '*', 110, 60],
      body: [
        [{ text: '网点', style: 'th' }, { text: '地址', style: 'th' }, { text: '办公时间', style: 'th' }, { text: '电话', style: 'th' }],
        ...g.contact.branches.map((b) => [b.name, b.address, b.hours, b.phone || '—']),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  });
  content.push({ text: `服务热线 ${g.contact.hotline}　${g.contact.website}`, margin: [0, 8, 0, 0], style: 'small' });
  const ss = g.contact.selfService;
  if (ss) {
    content.push({ text: `网上查询：${ss.online.join('；')}。查询范围：${ss.scope}`, margin: [0, 2, 0, 0], style: 'small' });
    content.push({ text: `查询电话 ${ss.hotline.number}，服务时间：${ss.hotline.hours}；查询项目：${ss.hotline.items.join('；')}`, margin: [0, 2, 0, 0], style: 'small' });
  }
  return {
    content,
    styles: {
      h1: { fontSize: 18, bold: true },
      h2: { fontSize: 13, bold: true },
      th: { bold: true },
      small: { fontSize: 9, color: '#555' },
      clause: { fontSize: 8.5, color: '#555' },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `打印时间 ${printedAt}`, style: 'small' },
        { text: `第 ${page} 页，共 ${pages} 页`, alignment: 'right', style: 'small' },
      ],
      margin: [48, 16, 48, 0],
    }),
  };
}

export function renderGuidePdf(g: Guide, printedAt: string): Promise<Buffer> {
  return renderPdf(guideDocument(g, printedAt), { title: g.title, subject: g.centerName });
}
