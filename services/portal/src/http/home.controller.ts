import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createElement } from 'react';
import { HomePage } from '../pages/HomePage';
import { TenantPage } from '../pages/TenantPage';
import { TenantGuides } from '../tenants/tenant-guides';
import { Pages } from './pages';

/** `/`: the municipalities; `/:tenant`: one of them. */
@Controller()
export class HomeController {
  constructor(
    @Inject(TenantGuides) private readonly guides: TenantGuides,
    @Inject(Pages) private readonly pages: Pages,
  ) {}

  @Get()
  home(@Req() req: Request, @Res() res: Response): void {
    const ctx = this.pages.context(req, res);
    this.pages.send(res, 200, createElement(HomePage, { ctx, tenants: this.guides.list() }), 'public');
  }

  @Get(':tenant')
  async tenant(@Param('tenant') tenant: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const guide = await this.guides.guide(tenant);
    if (!guide) throw new NotFoundException();
    const ctx = this.pages.context(req, res);
    this.pages.send(res, 200, createElement(TenantPage, { ctx, guide }), 'public');
  }
}
