import { describe, expect, it } from 'vitest';
import type { GuideText } from '../backend';
import { guideText, verifiedText } from './guide_text';

const IP = '47.98.159.168';
const ALL: Record<GuideText['key'], GuideText> = {
  findNicTitle: { key: 'findNicTitle' },
  findNic: { key: 'findNic', eni: 'eni-bp1lofjktg4dbzdlyxgp', mac: '00:16:3e:0a:0b:0c' },
  findAdapterTitle: { key: 'findAdapterTitle' },
  findAdapter: { key: 'findAdapter', eni: 'eni-bp1lofjktg4dbzdlyxgp', mac: '00-16-3E-0A-0B-0C' },
  dhcpTitle: { key: 'dhcpTitle' },
  dhcpNetplan: { key: 'dhcpNetplan', ip: IP },
  dhcpIfupdown: { key: 'dhcpIfupdown', ip: IP },
  dhcpIfcfg: { key: 'dhcpIfcfg', ip: IP },
  dhcpWindows: { key: 'dhcpWindows', ip: IP },
  checkTitle: { key: 'checkTitle' },
  checkNic: { key: 'checkNic', ip: IP },
  checkAdapter: { key: 'checkAdapter', ip: IP },
  routeTitle: { key: 'routeTitle' },
  routeNic: { key: 'routeNic' },
  routeAdapter: { key: 'routeAdapter' },
};

describe('guest-OS instructions', () => {
  it.each(['en', 'zh-CN'] as const)('every title and text renders in %s with its inputs', (locale) => {
    for (const t of Object.values(ALL)) {
      const text = guideText(t, locale);
      expect(text.length, t.key).toBeGreaterThan(3);
      expect(text, t.key).not.toMatch(/[{}]/);
      for (const [k, v] of Object.entries(t)) if (k !== 'key') expect(text, t.key).toContain(String(v));
    }
  });

  it('words what Cloud Assistant verified', () => {
    const v = { key: 'verifiedMetric', ip: IP, interface: 'eth1', mac: '00:16:3e:0a:0b:0c', metric: 200 } as const;
    expect(verifiedText(v, 'en')).toBe(`EIP ${IP} verified on eth1 (MAC 00:16:3e:0a:0b:0c), default route metric 200.`);
    expect(verifiedText(v, 'zh-CN')).toBe(`已确认弹性公网IP ${IP} 位于 eth1（MAC 00:16:3e:0a:0b:0c），默认路由跃点数为 200。`);
    expect(verifiedText({ key: 'verified', ip: IP, interface: 'Ethernet 2', mac: '00-16-3E-0A-0B-0C' }, 'zh-CN')).toContain('Ethernet 2');
  });

  it('matches the core English and says it in Chinese', () => {
    expect(guideText(ALL.checkNic, 'en')).toBe(`The NIC should show ${IP} (the EIP replaces its private IP).`);
    expect(guideText(ALL.checkNic, 'zh-CN')).toBe(`网卡上应显示 ${IP}（弹性公网IP取代了它的私网 IP）。`);
    for (const t of Object.values(ALL)) expect(guideText(t, 'zh-CN'), t.key).toMatch(/\p{Script=Han}/u);
  });
});
